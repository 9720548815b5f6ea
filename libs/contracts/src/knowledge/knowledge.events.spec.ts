import { PayloadValidationError } from '../events/event-definition';
import { EventEnvelope } from '../events/event-envelope';
import { Topics } from '../topics';
import {
  KnowledgeArticleEvents,
  KnowledgeArticlePublished,
  KnowledgeArticleSnapshot,
  KnowledgeArticleViewed,
  KnowledgeDeflectionRecorded,
  KnowledgeFeedbackRecorded,
  KnowledgeHelpSessionStarted,
} from './knowledge.events';

const article: KnowledgeArticleSnapshot = {
  id: '0190b7c2-0000-7000-8000-000000000001',
  number: 'KB0000123',
  version: 3,
  state: 'published',
  language: 'ja',
  translationOf: null,
  title: 'VPN に接続できないとき 🔐',
  categoryId: null,
  categoryCode: null,
  tags: ['vpn'],
  audience: 'employees',
  relatedCiIds: [],
  incidentCategories: ['network.vpn'],
  sourceType: 'manual',
  sourceId: null,
  authorId: '0190b7c2-0000-7000-8000-0000000000aa',
  viewCount: 0,
  helpfulCount: 0,
  notHelpfulCount: 0,
  deflectionCount: 0,
  publishedAt: '2026-01-05T00:00:00.000Z',
  retiredAt: null,
  updatedAt: '2026-01-05T00:00:00.000Z',
};

const envelope = (type: string, payload: unknown): EventEnvelope => ({ type, payload }) as unknown as EventEnvelope;

describe('knowledge events', () => {
  it('all go to the article topic under distinct knowledge.* types, keyed by the article aggregate', () => {
    const types = KnowledgeArticleEvents.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual([
      'knowledge.article-published',
      'knowledge.article-retired',
      'knowledge.article-viewed',
      'knowledge.feedback-recorded',
      'knowledge.deflection-recorded',
    ]);
    for (const e of KnowledgeArticleEvents) {
      expect(e.topic).toBe(Topics.knowledgeArticle);
      expect(e.aggregateType).toBe('kb_article');
      expect(e.version).toBe(1);
    }
  });

  it('matches its own type with a valid payload, and only its own', () => {
    const payload = { article, detail: { firstPublication: true, publishedById: 'u1' } };
    expect(KnowledgeArticlePublished.match(envelope('knowledge.article-published', payload))?.payload.article.title).toBe(
      'VPN に接続できないとき 🔐',
    );
    expect(KnowledgeArticleViewed.match(envelope('knowledge.article-published', payload))).toBeNull();
  });

  it('names every bad field of the snapshot and the detail', () => {
    const bad = { article: { ...article, number: 'INC0000001', state: 'archived', tags: 'vpn' }, detail: {} };
    expect(KnowledgeArticlePublished.describePayloadProblems(bad)).toEqual([
      'article.number must be KB and 7 digits',
      'article.state must be one of draft, in_review, published, retired',
      'article.tags must be an array of strings',
      'detail: firstPublication must be a boolean',
      'detail: publishedById must be a string',
    ]);
    expect(() => KnowledgeArticlePublished.match(envelope('knowledge.article-published', bad))).toThrow(PayloadValidationError);
  });

  it('checks what the self-service rate needs on views and deflections', () => {
    const view = { viewerId: 'u1', viewerIsStaff: false, source: 'suggestion', sessionId: 's-1' };
    expect(KnowledgeArticleViewed.describePayloadProblems({ article, detail: view })).toEqual([]);
    expect(KnowledgeArticleViewed.describePayloadProblems({ article, detail: { ...view, source: 'email' } })).toEqual([
      'detail: source must be null or one of suggestion, search, browse, link',
    ]);
    const deflection = {
      deflectionId: 'd1',
      userId: 'u1',
      userIsStaff: false,
      sessionId: null,
      query: 'VPN 繋がらない',
      source: null,
      deflectedAt: '2026-01-05T00:00:00.000Z',
    };
    expect(KnowledgeDeflectionRecorded.describePayloadProblems({ article, detail: deflection })).toEqual([]);
    expect(KnowledgeDeflectionRecorded.describePayloadProblems({ article, detail: { ...deflection, userId: '' } })).toEqual([
      'detail: userId must be a string',
    ]);
  });

  it('feedback carries the previous answer or null', () => {
    const detail = { feedbackId: 'f1', userId: 'u1', helpful: false, comment: null, previousHelpful: 'yes' };
    expect(KnowledgeFeedbackRecorded.describePayloadProblems({ article, detail })).toEqual([
      'detail: previousHelpful must be a boolean or null',
    ]);
  });

  it('a help session starts on its own topic, keyed by the session', () => {
    expect(KnowledgeHelpSessionStarted).toMatchObject({
      type: 'knowledge.help-session-started',
      topic: Topics.knowledgeHelpSession,
      aggregateType: 'help_session',
    });
    const payload = {
      sessionId: 's-1',
      userId: 'u1',
      userIsStaff: false,
      channel: 'portal',
      query: null,
      startedAt: '2026-01-05T00:00:00.000Z',
    };
    expect(KnowledgeHelpSessionStarted.describePayloadProblems(payload)).toEqual([]);
    expect(KnowledgeHelpSessionStarted.describePayloadProblems({ ...payload, channel: 'phone', userId: 7 })).toEqual([
      'userId must be a string',
      'channel must be portal',
    ]);
  });
});
