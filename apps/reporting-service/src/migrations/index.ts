import { CreateReadModels1798000000000 } from './1798000000000-CreateReadModels';
import { CoverReportIndexes1798000000001 } from './1798000000001-CoverReportIndexes';

/** The reporting service's migrations, in order (never edit one that has been committed: add another). */
export const reportingMigrations = [CreateReadModels1798000000000, CoverReportIndexes1798000000001];
