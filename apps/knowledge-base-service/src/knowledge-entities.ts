import { KbArticleVersionEntity } from './articles/entities/kb-article-version.entity';
import { KbArticleEntity } from './articles/entities/kb-article.entity';
import { KbCategoryEntity } from './categories/entities/kb-category.entity';
import { KbDeflectionEntity } from './deflections/entities/kb-deflection.entity';
import { KbFeedbackEntity } from './feedback/entities/kb-feedback.entity';
import { KbHelpSessionEntity } from './help-sessions/entities/kb-help-session.entity';
import { KbResolvedIncidentEntity } from './incident-knowledge/entities/kb-resolved-incident.entity';

/** Every TypeORM entity of the knowledge base service's own tables (the search module lists its own). */
export const knowledgeEntities = [
  KbCategoryEntity,
  KbArticleEntity,
  KbArticleVersionEntity,
  KbFeedbackEntity,
  KbDeflectionEntity,
  KbHelpSessionEntity,
  KbResolvedIncidentEntity,
];
