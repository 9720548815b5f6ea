import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { BODY_MAX } from './articles/dto/create-article.dto';

/**
 * The largest JSON request body: an article body may hold BODY_MAX characters, which is up to 400 kB of
 * UTF-8 (a kanji takes 3 bytes, an emoji 4) and three times that when a client escapes them as \uXXXX.
 * Express's default of 100 kB would refuse a long Japanese article that validation allows.
 */
export const JSON_BODY_LIMIT_BYTES = BODY_MAX * 12 + 64 * 1024;

/** HTTP set-up beyond the runtime's conventions, shared by main.ts and the integration tests. */
export function configureKnowledgeService(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
}
