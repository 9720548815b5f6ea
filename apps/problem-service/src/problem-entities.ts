import { ProblemCandidateEntity } from './candidates/entities/problem-candidate.entity';
import { ProblemGroupEntity } from './directory/entities/problem-group.entity';
import { ProblemPersonEntity } from './directory/entities/problem-person.entity';
import { ProblemIncidentEntity } from './incident-copies/entities/problem-incident.entity';
import { ProblemHistoryEntity } from './problems/entities/problem-history.entity';
import { ProblemEntity } from './problems/entities/problem.entity';

/** Every TypeORM entity of the problem service's own tables (candidate members are plain SQL). */
export const problemEntities = [
  ProblemEntity,
  ProblemHistoryEntity,
  ProblemIncidentEntity,
  ProblemCandidateEntity,
  ProblemPersonEntity,
  ProblemGroupEntity,
];
