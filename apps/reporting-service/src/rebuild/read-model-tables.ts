/**
 * The tables that the consumed topics alone determine, and so a rebuild replaces. Not here: weekly_digest
 * (digests are outputs, published once, never recomputed) and the messaging tables (outbox, inbox).
 * A new read model fed by the projections must be added here, or a rebuild would leave it as it was.
 *
 * Listed in the order the projections write them inside one transaction (knowledge usage before help
 * sessions), so that the swap's LOCK TABLE takes the locks in the same order as a live consumer would.
 */
export const READ_MODEL_TABLES = [
  'kb_view_fact',
  'kb_deflection_fact',
  'kb_feedback_fact',
  'help_session_fact',
  'incident_fact',
] as const;

export type ReadModelTable = (typeof READ_MODEL_TABLES)[number];
