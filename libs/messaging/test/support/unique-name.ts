import { randomBytes } from 'node:crypto';

/** A short unique suffix for the topic and group names of one suite (lower-case, topic-safe). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
