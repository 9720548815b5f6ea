import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** `<repo>/datasets`: the nearest directory above this file that holds nx.json. */
function repoRoot(start = __dirname): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The ServiceNow incident event log the import and report tests use (SERVICENOW_DATASET overrides the repo's copy). */
export function serviceNowDatasetPath(): string {
  return process.env.SERVICENOW_DATASET || join(repoRoot(), 'datasets', 'servicenow-incident-event-log.csv');
}
