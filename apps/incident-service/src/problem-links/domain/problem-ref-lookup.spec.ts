import { parseProblemRef } from './problem-ref-lookup';

describe('parseProblemRef', () => {
  it('reads a UUID (lower-cased) or a PRB number (upper-cased)', () => {
    expect(parseProblemRef('0190A0B2-3C4D-7E8F-9A0B-1C2D3E4F5A6B')).toEqual({ id: '0190a0b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b' });
    expect(parseProblemRef('PRB0000007')).toEqual({ number: 'PRB0000007' });
    expect(parseProblemRef(' prb0000007 ')).toEqual({ number: 'PRB0000007' });
    expect(parseProblemRef('PRB12345678')).toEqual({ number: 'PRB12345678' });
  });

  it.each(['', 'PRB7', 'PRB000000７', 'INC0000007', 'Problem ID 2', '0190a0b2-3c4d-7e8f-9a0b'])('refuses %j', (ref) => {
    expect(parseProblemRef(ref)).toBeNull();
  });
});
