/**
 * The public path of a digest's CSV. The gateway forwards /api/v1/reports/* unchanged to this service, whose
 * global prefix is the same api/v1 (app.module.ts GLOBAL_PREFIX; not imported: app.module imports this module).
 */
export function digestCsvPath(id: string): string {
  return `/api/v1/reports/digests/${id}?format=csv`;
}
