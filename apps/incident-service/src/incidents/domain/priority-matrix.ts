/** 1 high, 2 medium, 3 low (itil.md "Priority"). */
export type Impact = 1 | 2 | 3;
export type Urgency = 1 | 2 | 3;
/** P1 critical … P5 planning. */
export type Priority = 1 | 2 | 3 | 4 | 5;

export const PRIORITY_NAMES: Record<Priority, string> = {
  1: 'critical',
  2: 'high',
  3: 'moderate',
  4: 'low',
  5: 'planning',
};

/** Priority is derived, never typed: impact + urgency − 1 reproduces the itil.md matrix exactly. */
export function derivePriority(impact: Impact, urgency: Urgency): Priority {
  return (impact + urgency - 1) as Priority;
}

export function isLevel(value: unknown): value is Impact {
  return value === 1 || value === 2 || value === 3;
}
