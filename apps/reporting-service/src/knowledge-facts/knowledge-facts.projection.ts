import { Injectable } from '@nestjs/common';
import {
  EventEnvelope,
  KnowledgeArticleViewed,
  KnowledgeDeflectionRecorded,
  KnowledgeFeedbackRecorded,
  KnowledgeHelpSessionStarted,
} from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';

/**
 * knowledge.* → knowledge usage facts and help sessions. Every write is idempotent and order-tolerant on
 * its own (keyed by the event's or the deflection's id; session columns only move forward), because a
 * session's start, views and deflection arrive on two topics in no guaranteed order.
 */
@Injectable()
export class KnowledgeFactsProjection {
  async apply(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
    const started = KnowledgeHelpSessionStarted.match(envelope);
    if (started) {
      const p = started.payload;
      await manager.query(
        `INSERT INTO help_session_fact (session_id, user_id, user_is_staff, started_at, query, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (session_id) DO UPDATE SET user_id = EXCLUDED.user_id, user_is_staff = EXCLUDED.user_is_staff,
           started_at = EXCLUDED.started_at, query = EXCLUDED.query, updated_at = now()`,
        [p.sessionId, p.userId, p.userIsStaff, p.startedAt, p.query],
      );
      return;
    }
    const viewed = KnowledgeArticleViewed.match(envelope);
    if (viewed) {
      const { article, detail } = viewed.payload;
      await manager.query(
        `INSERT INTO kb_view_fact (event_id, article_id, article_number, language, viewer_id, viewer_is_staff, source, session_id, viewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id) DO NOTHING`,
        [
          viewed.id,
          article.id,
          article.number,
          article.language,
          detail.viewerId,
          detail.viewerIsStaff,
          detail.source,
          detail.sessionId,
          viewed.occurredAt,
        ],
      );
      if (detail.sessionId && detail.source === 'suggestion' && !detail.viewerIsStaff) {
        await manager.query(
          `INSERT INTO help_session_fact (session_id, user_id, user_is_staff, last_suggestion_view_at, updated_at)
           VALUES ($1, $2, false, $3, now())
           ON CONFLICT (session_id) DO UPDATE SET
             last_suggestion_view_at = GREATEST(help_session_fact.last_suggestion_view_at, EXCLUDED.last_suggestion_view_at),
             updated_at = now()`,
          [detail.sessionId, detail.viewerId, viewed.occurredAt],
        );
      }
      return;
    }
    const deflected = KnowledgeDeflectionRecorded.match(envelope);
    if (deflected) {
      const { article, detail } = deflected.payload;
      await manager.query(
        `INSERT INTO kb_deflection_fact (deflection_id, article_id, article_number, user_id, user_is_staff, session_id, source, deflected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (deflection_id) DO NOTHING`,
        [
          detail.deflectionId,
          article.id,
          article.number,
          detail.userId,
          detail.userIsStaff,
          detail.sessionId,
          detail.source,
          detail.deflectedAt,
        ],
      );
      if (detail.sessionId) {
        await manager.query(
          `INSERT INTO help_session_fact (session_id, user_id, user_is_staff, deflected_at, updated_at)
           VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (session_id) DO UPDATE SET
             deflected_at = LEAST(help_session_fact.deflected_at, EXCLUDED.deflected_at), updated_at = now()`,
          [detail.sessionId, detail.userId, detail.userIsStaff, detail.deflectedAt],
        );
      }
      return;
    }
    const feedback = KnowledgeFeedbackRecorded.match(envelope);
    if (feedback) {
      const { article, detail } = feedback.payload;
      // The user's latest answer counts: a changed answer arrives as a later event of the same feedback id.
      await manager.query(
        `INSERT INTO kb_feedback_fact (feedback_id, article_id, user_id, helpful, recorded_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (feedback_id) DO UPDATE SET helpful = EXCLUDED.helpful, recorded_at = EXCLUDED.recorded_at
           WHERE kb_feedback_fact.recorded_at <= EXCLUDED.recorded_at`,
        [detail.feedbackId, article.id, detail.userId, detail.helpful, feedback.occurredAt],
      );
    }
  }
}
