/** The error body of every HTTP API (api.md): one `details` entry per bad field. */
export interface ApiErrorDetail {
  field: string;
  reason: string;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: ApiErrorDetail[];
  /** A stable machine-readable code for domain errors (e.g. INVALID_TRANSITION). */
  code?: string;
  correlationId?: string;
}
