import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deadLetterTopic, Topics } from '@helpdesk/contracts';

/** An app of the platform and the topics its consumers read. */
export interface PlatformApp {
  name: string;
  consumes: string[];
}

const PLATFORM_APPS_FILE = 'tools/platform/platform-apps.ts';

/**
 * The apps `npm start` runs, from PLATFORM_APPS in tools/platform/platform-apps.ts: the list every
 * deployment must cover. Read as text, because a tooling project may not import another project by
 * path (Nx module boundaries) and that one has no package alias; a layout this parser no longer
 * understands fails loudly rather than checking nothing.
 */
export function readPlatformApps(root: string): PlatformApp[] {
  const text = readFileSync(join(root, PLATFORM_APPS_FILE), 'utf8');
  const list = text.slice(text.indexOf('PLATFORM_APPS'));
  const apps: PlatformApp[] = [];
  const entry = /name:\s*'([a-z0-9-]+)'[\s\S]*?consumes:\s*\[([^\]]*)\]/g;
  for (let match = entry.exec(list); match; match = entry.exec(list)) {
    const consumes = match[2]
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => topicOf(item, match![1]));
    apps.push({ name: match[1], consumes });
  }
  if (apps.length === 0) throw new Error(`Found no apps in ${PLATFORM_APPS_FILE}: update readPlatformApps to its new layout`);
  return apps;
}

/** Every event topic of the contracts and its dead-letter topic. */
export function platformTopics(): { events: string[]; deadLetters: string[] } {
  const events = Object.values(Topics) as string[];
  return { events, deadLetters: events.map(deadLetterTopic) };
}

function topicOf(item: string, app: string): string {
  const key = /^Topics\.(\w+)$/.exec(item)?.[1];
  const topic = key ? (Topics as Record<string, string>)[key] : undefined;
  if (!topic)
    throw new Error(`${PLATFORM_APPS_FILE}: ${app} consumes "${item}", which is not a Topics.<name> of @helpdesk/contracts`);
  return topic;
}
