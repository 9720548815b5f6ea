import { BOOLEAN_VARIABLE, ServiceConfig, toBoolean } from '@helpdesk/config';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** The knowledge base service's environment (everything else comes from ServiceConfig). */
export class KnowledgeConfig extends ServiceConfig {
  override PORT: number = 3003;
  override DATABASE_NAME?: string = 'helpdesk_knowledge';

  /**
   * Seed the category tree and the starter articles (published through the normal path, so they are
   * searchable) when they are missing. On for the platform and the demo; idempotent.
   */
  @Transform(toBoolean)
  @IsBoolean(BOOLEAN_VARIABLE)
  SEED_REFERENCE_DATA: boolean = true;
}
