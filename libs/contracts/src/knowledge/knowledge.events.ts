import { defineEvent } from '../events/event-definition';
import { checkPayload, FieldCheck } from '../events/payload-checks';
import { Topics } from '../topics';

/** Article lifecycle: draft → in_review → published → retired (in_review → draft on rejection). */
export const ARTICLE_STATES = ['draft', 'in_review', 'published', 'retired'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const ARTICLE_LANGUAGES = ['ja', 'en'] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** `employees`: everyone may read it once published; `it_staff`: IT staff only. */
export const ARTICLE_AUDIENCES = ['employees', 'it_staff'] as const;
export type ArticleAudience = (typeof ARTICLE_AUDIENCES)[number];

/** Where an article came from: written by hand, drafted from a resolved incident or a known error, or seeded. */
export const ARTICLE_SOURCES = ['manual', 'incident', 'known_error', 'seed'] as const;
export type ArticleSourceType = (typeof ARTICLE_SOURCES)[number];

/** How a reader reached an article: reporting counts views from `suggestion` towards the self-service rate. */
export const ARTICLE_VIEW_SOURCES = ['suggestion', 'search', 'browse', 'link'] as const;
export type ArticleViewSource = (typeof ARTICLE_VIEW_SOURCES)[number];

/**
 * The article as of the event (without its body): every knowledge.* event carries it, so consumers
 * (reporting's KB usage facts, the incident service's article links) never call back.
 */
export interface KnowledgeArticleSnapshot {
  id: string;
  /** KB0001234 */
  number: string;
  version: number;
  state: ArticleState;
  language: ArticleLanguage;
  /** The article this one translates (the original of its translation group), else null. */
  translationOf: string | null;
  title: string;
  categoryId: string | null;
  categoryCode: string | null;
  tags: string[];
  audience: ArticleAudience;
  relatedCiIds: string[];
  /** Incident category codes (e.g. `network.vpn`) the article answers. */
  incidentCategories: string[];
  sourceType: ArticleSourceType;
  /** The incident, problem or seed key it was drafted from, else null. */
  sourceId: string | null;
  authorId: string;
  viewCount: number;
  helpfulCount: number;
  notHelpfulCount: number;
  deflectionCount: number;
  publishedAt: string | null;
  retiredAt: string | null;
  updatedAt: string;
}

/** Every knowledge article event: the article after the change and details of that kind of event. */
export interface KnowledgeArticleEventPayload<TDetail = Record<string, unknown>> {
  article: KnowledgeArticleSnapshot;
  detail: TDetail;
}

export interface ArticlePublishedDetail {
  /** False when a published article was published again after an edit or a return to draft. */
  firstPublication: boolean;
  /** Who published it (a knowledge manager or admin, or the seeder). */
  publishedById: string;
}

export interface ArticleRetiredDetail {
  reason: string | null;
}

/**
 * One reading of a published article. For itil.md's self-service rate, reporting counts a help session
 * as deflected when an employee viewed a suggested article (`source: suggestion`) and opened no
 * incident within 24 h; `sessionId` ties the view to that session.
 */
export interface ArticleViewedDetail {
  viewerId: string;
  /** False for employees: only their views count towards self-service. */
  viewerIsStaff: boolean;
  source: ArticleViewSource | null;
  /** The portal help session (the id the client sent with its suggestions), else null. */
  sessionId: string | null;
}

export interface FeedbackRecordedDetail {
  feedbackId: string;
  userId: string;
  helpful: boolean;
  comment: string | null;
  /** The user's earlier answer when they changed it, else null (first feedback). */
  previousHelpful: boolean | null;
}

/**
 * "This solved my problem": a help session ended by an article (itil.md self-service rate numerator).
 * One per user and session: a repeated click in the same session is not a second deflection.
 */
export interface DeflectionRecordedDetail {
  deflectionId: string;
  userId: string;
  userIsStaff: boolean;
  sessionId: string | null;
  /** What the employee had typed (the problem in their words), else null. */
  query: string | null;
  source: ArticleViewSource | null;
  deflectedAt: string;
}

const isOneOf = (values: readonly string[]) => (v: unknown) => typeof v === 'string' && values.includes(v);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
const stringOrNull = (v: unknown) => v === null || typeof v === 'string';
const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

const snapshotChecks: FieldCheck[] = [
  (p) => (nonEmpty(p.id) ? null : 'article.id must be a string'),
  (p) => (typeof p.number === 'string' && /^KB\d{7,}$/.test(p.number) ? null : 'article.number must be KB and 7 digits'),
  (p) => (Number.isInteger(p.version) && (p.version as number) >= 1 ? null : 'article.version must be a positive integer'),
  (p) => (isOneOf(ARTICLE_STATES)(p.state) ? null : `article.state must be one of ${ARTICLE_STATES.join(', ')}`),
  (p) => (isOneOf(ARTICLE_LANGUAGES)(p.language) ? null : `article.language must be one of ${ARTICLE_LANGUAGES.join(', ')}`),
  (p) => (isOneOf(ARTICLE_AUDIENCES)(p.audience) ? null : `article.audience must be one of ${ARTICLE_AUDIENCES.join(', ')}`),
  (p) => (nonEmpty(p.title) ? null : 'article.title must be a non-empty string'),
  (p) => (stringOrNull(p.translationOf) ? null : 'article.translationOf must be a string or null'),
  (p) => (stringOrNull(p.categoryId) ? null : 'article.categoryId must be a string or null'),
  (p) => (strings(p.tags) ? null : 'article.tags must be an array of strings'),
  (p) => (strings(p.relatedCiIds) ? null : 'article.relatedCiIds must be an array of strings'),
  (p) => (strings(p.incidentCategories) ? null : 'article.incidentCategories must be an array of strings'),
  (p) => (isOneOf(ARTICLE_SOURCES)(p.sourceType) ? null : `article.sourceType must be one of ${ARTICLE_SOURCES.join(', ')}`),
  (p) => (nonEmpty(p.authorId) ? null : 'article.authorId must be a string'),
  (p) =>
    count(p.viewCount) && count(p.helpfulCount) && count(p.notHelpfulCount) && count(p.deflectionCount)
      ? null
      : 'article counters (viewCount, helpfulCount, notHelpfulCount, deflectionCount) must be whole numbers ≥ 0',
  (p) => (nonEmpty(p.updatedAt) ? null : 'article.updatedAt must be a string'),
];

function describeArticlePayload(payload: unknown, detailChecks: FieldCheck[]): string[] {
  const problems = checkPayload(payload, [
    (p) => (typeof p.article === 'object' && p.article !== null ? null : 'article must be an object'),
    (p) => (typeof p.detail === 'object' && p.detail !== null ? null : 'detail must be an object'),
  ]);
  if (problems.length) return problems;
  const { article, detail } = payload as { article: unknown; detail: unknown };
  return [...checkPayload(article, snapshotChecks), ...checkPayload(detail, detailChecks).map((p) => `detail: ${p}`)];
}

const articleEvent =
  <TDetail>() =>
  <TType extends `knowledge.${string}`>(type: TType, detailChecks: FieldCheck[] = []) =>
    defineEvent<KnowledgeArticleEventPayload<TDetail>>()({
      type,
      topic: Topics.knowledgeArticle,
      version: 1,
      aggregateType: 'kb_article',
      describePayloadProblems: (payload) => describeArticlePayload(payload, detailChecks),
    });

const viewSourceOrNull: (field: string) => FieldCheck = (field) => (d) =>
  d[field] === null || isOneOf(ARTICLE_VIEW_SOURCES)(d[field])
    ? null
    : `${field} must be null or one of ${ARTICLE_VIEW_SOURCES.join(', ')}`;

export const KnowledgeArticlePublished = articleEvent<ArticlePublishedDetail>()('knowledge.article-published', [
  (d) => (typeof d.firstPublication === 'boolean' ? null : 'firstPublication must be a boolean'),
  (d) => (nonEmpty(d.publishedById) ? null : 'publishedById must be a string'),
]);
export const KnowledgeArticleRetired = articleEvent<ArticleRetiredDetail>()('knowledge.article-retired', [
  (d) => (stringOrNull(d.reason) ? null : 'reason must be a string or null'),
]);
export const KnowledgeArticleViewed = articleEvent<ArticleViewedDetail>()('knowledge.article-viewed', [
  (d) => (nonEmpty(d.viewerId) ? null : 'viewerId must be a string'),
  (d) => (typeof d.viewerIsStaff === 'boolean' ? null : 'viewerIsStaff must be a boolean'),
  viewSourceOrNull('source'),
  (d) => (stringOrNull(d.sessionId) ? null : 'sessionId must be a string or null'),
]);
export const KnowledgeFeedbackRecorded = articleEvent<FeedbackRecordedDetail>()('knowledge.feedback-recorded', [
  (d) => (nonEmpty(d.feedbackId) ? null : 'feedbackId must be a string'),
  (d) => (nonEmpty(d.userId) ? null : 'userId must be a string'),
  (d) => (typeof d.helpful === 'boolean' ? null : 'helpful must be a boolean'),
  (d) => (stringOrNull(d.comment) ? null : 'comment must be a string or null'),
  (d) =>
    d.previousHelpful === null || typeof d.previousHelpful === 'boolean' ? null : 'previousHelpful must be a boolean or null',
]);
export const KnowledgeDeflectionRecorded = articleEvent<DeflectionRecordedDetail>()('knowledge.deflection-recorded', [
  (d) => (nonEmpty(d.deflectionId) ? null : 'deflectionId must be a string'),
  (d) => (nonEmpty(d.userId) ? null : 'userId must be a string'),
  (d) => (typeof d.userIsStaff === 'boolean' ? null : 'userIsStaff must be a boolean'),
  (d) => (stringOrNull(d.sessionId) ? null : 'sessionId must be a string or null'),
  (d) => (stringOrNull(d.query) ? null : 'query must be a string or null'),
  viewSourceOrNull('source'),
  (d) => (nonEmpty(d.deflectedAt) ? null : 'deflectedAt must be a string'),
]);

export const KnowledgeArticleEvents = [
  KnowledgeArticlePublished,
  KnowledgeArticleRetired,
  KnowledgeArticleViewed,
  KnowledgeFeedbackRecorded,
  KnowledgeDeflectionRecorded,
];

/**
 * An employee started looking for help in the portal (itil.md self-service rate denominator: "help
 * sessions that started in the portal"). Later views, deflections (and, by user and time, incidents)
 * carry or relate to the same session id. One event per session.
 */
export interface HelpSessionStartedPayload {
  sessionId: string;
  userId: string;
  userIsStaff: boolean;
  channel: 'portal';
  /** What the employee first typed, when the session started with text. */
  query: string | null;
  startedAt: string;
}

export const KnowledgeHelpSessionStarted = defineEvent<HelpSessionStartedPayload>()({
  type: 'knowledge.help-session-started',
  topic: Topics.knowledgeHelpSession,
  version: 1,
  aggregateType: 'help_session',
  describePayloadProblems: (payload) =>
    checkPayload(payload, [
      (p) => (nonEmpty(p.sessionId) ? null : 'sessionId must be a string'),
      (p) => (nonEmpty(p.userId) ? null : 'userId must be a string'),
      (p) => (typeof p.userIsStaff === 'boolean' ? null : 'userIsStaff must be a boolean'),
      (p) => (p.channel === 'portal' ? null : 'channel must be portal'),
      (p) => (stringOrNull(p.query) ? null : 'query must be a string or null'),
      (p) => (nonEmpty(p.startedAt) ? null : 'startedAt must be a string'),
    ]),
});
