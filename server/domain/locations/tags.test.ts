import { describe, expect, it } from '@jest/globals';
import { normaliseTags } from './tags';

describe('normaliseTags', () => {
  it('trims, collapses white space and keeps the first spelling of case-insensitive repeats', () => {
    expect(normaliseTags(['  Video   conference ', 'Display', 'VIDEO conference', 'display', 'Whiteboard'])).toEqual([
      'Video conference',
      'Display',
      'Whiteboard',
    ]);
  });

  it('drops tags that are only white space', () => {
    expect(normaliseTags([' ', 'Display'])).toEqual(['Display']);
  });
});
