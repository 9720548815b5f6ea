/** One topic per source aggregate: helpdesk.<service>.<aggregate>.v1, keyed by aggregate id. */
export const Topics = {
  identityUser: 'helpdesk.identity.user.v1',
  identityGroup: 'helpdesk.identity.group.v1',
  incident: 'helpdesk.incident.incident.v1',
  serviceRequest: 'helpdesk.incident.request.v1',
  problem: 'helpdesk.problem.problem.v1',
  knowledgeArticle: 'helpdesk.knowledge.article.v1',
  knowledgeHelpSession: 'helpdesk.knowledge.help-session.v1',
  asset: 'helpdesk.asset.ci.v1',
  reportingDigest: 'helpdesk.reporting.digest.v1',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopic(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith(DEAD_LETTER_SUFFIX);
}
