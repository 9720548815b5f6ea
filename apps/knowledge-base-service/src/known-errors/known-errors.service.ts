import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope, ProblemEventPayload } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { ArticleActor } from '../articles/article-actor';
import { ArticlesRepository } from '../articles/articles.repository';
import { ArticlesService } from '../articles/articles.service';
import { detectLanguage } from '../articles/domain/article-content';
import { articleTitle, knownErrorDraftBody } from '../articles/domain/draft-templates';

/** A known error published by problem management becomes a draft article with its workaround, once per problem. */
@Injectable()
export class KnownErrorsService {
  private readonly logger = new Logger(KnownErrorsService.name);

  constructor(
    private readonly articles: ArticlesRepository,
    private readonly articlesService: ArticlesService,
  ) {}

  async draftFromKnownError(manager: EntityManager, event: EventEnvelope<ProblemEventPayload>): Promise<void> {
    const problem = event.payload.problem;
    // Once per known error, whatever the event id: a second publication (or a replay) finds the draft.
    if (await this.articles.findBySource(manager, 'known_error', problem.id)) return;
    // The problem service names the problem's language; events written before it did are guessed from the text.
    const language =
      problem.language === 'ja' || problem.language === 'en'
        ? problem.language
        : detectLanguage(problem.title, problem.rootCause, problem.workaround);
    // The problem manager who published the known error is the draft's author (their roles are not ours to use).
    const author: ArticleActor = { id: event.actor.id, name: null, roles: [], event: event.actor };
    const draft = await this.articlesService.createDraft(
      manager,
      {
        title: articleTitle(problem.title?.trim() || problem.number),
        body: knownErrorDraftBody(problem, language),
        language,
        tags: ['known-error'],
        audience: 'it_staff',
        source: { type: 'known_error', id: problem.id, number: problem.number },
        note: `Drafted from known error ${problem.number}`,
      },
      author,
      { checkLinks: false, at: new Date(event.occurredAt) },
    );
    this.logger.log(`Known error ${problem.number} drafted as ${draft.number}`);
  }
}
