import { CreateIncidents1795536000000 } from './1795536000000-CreateIncidents';
import { CreateRoutingAndCategories1795536200000 } from './1795536200000-CreateRoutingAndCategories';
import { CreateServiceRequests1795536300000 } from './1795536300000-CreateServiceRequests';
import { CreateSla1795536100000 } from './1795536100000-CreateSla';
import { CreateImportJobs1795536400000 } from './1795536400000-CreateImportJobs';
import { CreateImportJobItems1795536500000 } from './1795536500000-CreateImportJobItems';
import { CreateProblemRefs1795536600000 } from './1795536600000-CreateProblemRefs';
import { AddIncidentSourceRecord1795536700000 } from './1795536700000-AddIncidentSourceRecord';

/** The incident service's migrations, in order (never edit one that has been committed: add another). */
export const incidentMigrations = [
  CreateIncidents1795536000000,
  CreateRoutingAndCategories1795536200000,
  CreateServiceRequests1795536300000,
  CreateSla1795536100000,
  CreateImportJobs1795536400000,
  CreateImportJobItems1795536500000,
  CreateProblemRefs1795536600000,
  AddIncidentSourceRecord1795536700000,
];
