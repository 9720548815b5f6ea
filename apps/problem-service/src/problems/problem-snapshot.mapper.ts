import { ProblemRef } from '@helpdesk/contracts';
import { ProblemEntity } from './entities/problem.entity';

/** What problem.* events carry of a problem (the incident and knowledge services keep their views from it). */
export function toProblemRef(problem: ProblemEntity): ProblemRef {
  return {
    id: problem.id,
    number: problem.number,
    title: problem.title,
    state: problem.state,
    rootCause: problem.rootCause,
    workaround: problem.workaround,
    category: problem.category,
    priority: problem.priority,
    language: problem.language,
    ciIds: problem.ciIds,
    linkedIncidentCount: problem.linkedIncidentCount,
    openIncidentCount: problem.openIncidentCount,
  };
}

/** The text KEDB search looks in, in order of what matters most. */
export function searchableTextOf(problem: ProblemEntity): string {
  return [problem.title, problem.symptoms, problem.rootCause, problem.workaround, problem.description]
    .filter((t): t is string => !!t)
    .join('\n');
}
