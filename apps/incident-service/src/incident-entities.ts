import { DirectoryGroupEntity } from './directory/entities/directory-group.entity';
import { DirectoryUserEntity } from './directory/entities/directory-user.entity';
import { IncidentAttachmentContentEntity, IncidentAttachmentEntity } from './incidents/entities/incident-attachment.entity';
import { IncidentCommentEntity } from './incidents/entities/incident-comment.entity';
import { IncidentHistoryEntity } from './incidents/entities/incident-history.entity';
import { IncidentSatisfactionEntity } from './incidents/entities/incident-satisfaction.entity';
import { IncidentEntity } from './incidents/entities/incident.entity';
import { CategoryHistoryEntity } from './categories/entities/category-history.entity';
import { CategoryEntity } from './categories/entities/category.entity';
import { RoutingRuleHistoryEntity } from './routing/entities/routing-rule-history.entity';
import { RoutingRuleEntity } from './routing/entities/routing-rule.entity';
import { CatalogItemEntity } from './catalog/entities/catalog-item.entity';
import { ServiceRequestApprovalEntity } from './service-requests/entities/service-request-approval.entity';
import { ServiceRequestCommentEntity } from './service-requests/entities/service-request-comment.entity';
import { ServiceRequestHistoryEntity } from './service-requests/entities/service-request-history.entity';
import { ServiceRequestTaskEntity } from './service-requests/entities/service-request-task.entity';
import { ServiceRequestEntity } from './service-requests/entities/service-request.entity';
import { BusinessCalendarEntity } from './sla/entities/business-calendar.entity';
import { SlaPolicyEntity } from './sla/entities/sla-policy.entity';
import { SlaTimerEntity } from './sla/entities/sla-timer.entity';
import { ImportJobFileEntity } from './imports/entities/import-job-file.entity';
import { ImportJobEntity } from './imports/entities/import-job.entity';
import { ProblemRefEntity } from './problem-links/entities/problem-ref.entity';

/** Every TypeORM entity of the incident service (each feature adds its own here). */
export const incidentEntities = [
  DirectoryUserEntity,
  DirectoryGroupEntity,
  IncidentEntity,
  IncidentHistoryEntity,
  IncidentCommentEntity,
  IncidentAttachmentEntity,
  IncidentAttachmentContentEntity,
  IncidentSatisfactionEntity,
  CategoryEntity,
  CategoryHistoryEntity,
  RoutingRuleEntity,
  RoutingRuleHistoryEntity,
  CatalogItemEntity,
  ServiceRequestEntity,
  ServiceRequestTaskEntity,
  ServiceRequestApprovalEntity,
  ServiceRequestCommentEntity,
  ServiceRequestHistoryEntity,
  BusinessCalendarEntity,
  SlaPolicyEntity,
  SlaTimerEntity,
  ImportJobEntity,
  ImportJobFileEntity,
  ProblemRefEntity,
];
