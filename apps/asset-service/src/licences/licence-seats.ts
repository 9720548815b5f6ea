/** A CI holds a seat of its licence until it is retired or disposed of. */
export const SEAT_HOLDING_SQL = (alias: string) => `${alias}.state NOT IN ('retired', 'disposed')`;

export interface SeatFigures {
  seatsOwned: number | null;
  seatsUsed: number;
}

/** Free seats (never below 0) and over-allocation; a licence with no seats recorded owns none. */
export function seatBalance({ seatsOwned, seatsUsed }: SeatFigures): { seatsFree: number; overAllocated: boolean } {
  const owned = seatsOwned ?? 0;
  return { seatsFree: Math.max(owned - seatsUsed, 0), overAllocated: seatsUsed > owned };
}
