#!/usr/bin/env bash
# Installs what the platform and its tests need, once: npm packages from the lockfile (again when it
# changes), and Java + Maven for the local Kafka broker when the machine lacks them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing Java and Maven (for the local Kafka broker) with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless maven >/dev/null
  else
    echo "✗ Java 17+ and Maven are needed to run the local Kafka broker (or set KAFKA_BROKERS)." >&2
    [ -n "${KAFKA_BROKERS:-}" ] || exit 1
  fi
fi

stamp=node_modules/.helpdesk-lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$hash" ]; then
  echo "› installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$hash" >"$stamp"
fi
