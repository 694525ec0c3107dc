import { chunk } from './chunk';

describe('chunk', () => {
  it('keeps the order and leaves the remainder in a shorter last run', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gives no runs for an empty list', () => {
    expect(chunk([], 3)).toEqual([]);
  });

  it('refuses a size that would loop forever', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
