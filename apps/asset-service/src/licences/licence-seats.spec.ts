import { seatBalance } from './licence-seats';

describe('seat balance', () => {
  it('is over-allocated only when more seats are used than owned', () => {
    expect(seatBalance({ seatsOwned: 10, seatsUsed: 9 })).toEqual({ seatsFree: 1, overAllocated: false });
    expect(seatBalance({ seatsOwned: 10, seatsUsed: 10 })).toEqual({ seatsFree: 0, overAllocated: false });
    expect(seatBalance({ seatsOwned: 10, seatsUsed: 11 })).toEqual({ seatsFree: 0, overAllocated: true });
  });

  it('counts a licence without seats recorded as owning none', () => {
    expect(seatBalance({ seatsOwned: null, seatsUsed: 0 })).toEqual({ seatsFree: 0, overAllocated: false });
    expect(seatBalance({ seatsOwned: null, seatsUsed: 1 })).toEqual({ seatsFree: 0, overAllocated: true });
  });
});
