// Every project's integration tests (`test/**/*.integration-spec.ts`) against the real PostgreSQL and
// Kafka that tools/test/run-integration.ts starts (or that DATABASE_URL / KAFKA_BROKERS name).
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['apps', 'libs', 'tools']
  .flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []))
  .filter((dir) => existsSync(join(dir, 'jest.integration.config.js')))
  .map((dir) => `<rootDir>/${dir}/jest.integration.config.js`);

module.exports = { projects };
