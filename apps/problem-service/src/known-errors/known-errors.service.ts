import { Inject, Injectable } from '@nestjs/common';
import { TEXT_ANALYZER, TextAnalyzer } from '@helpdesk/text-analysis';
import { ProblemsRepository } from '../problems/problems.repository';
import { KnownErrorSearchResultDto, SearchKnownErrorsQueryDto } from './dto/known-error.dto';

/**
 * The KEDB: known errors found by what agents type, in Japanese or English. Query and problems go through
 * the knowledge base's analyser (@helpdesk/text-analysis), so 繋がらない finds つながらない and "VPN" finds ＶＰＮ.
 */
@Injectable()
export class KnownErrorsService {
  constructor(
    private readonly problems: ProblemsRepository,
    @Inject(TEXT_ANALYZER) private readonly analyzer: TextAnalyzer,
  ) {}

  async search(query: SearchKnownErrorsQueryDto): Promise<KnownErrorSearchResultDto> {
    const terms = [...new Set(this.analyzer.analyze(query.q ?? ''))];
    if (query.q?.trim() && !terms.length) return { items: [], terms };
    const rows = await this.problems.searchKnownErrors(terms, [query.state ?? 'known_error'], query.limit ?? 10);
    return {
      terms,
      items: rows.map(({ problem: p, matched }) => ({
        problemId: p.id,
        number: p.number,
        title: p.title,
        state: p.state,
        priority: p.priority,
        category: p.category,
        ciIds: p.ciIds,
        rootCause: p.rootCause ?? '',
        workaround: p.workaround ?? '',
        knownErrorAt: p.knownErrorAt!.toISOString(),
        linkedIncidentCount: p.linkedIncidentCount,
        matchedTerms: matched,
      })),
    };
  }
}
