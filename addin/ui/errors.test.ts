import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/client';
import { describeError } from './errors';

describe('describeError', () => {
  it('tells the catalog editor why a vegan label was refused, in the server’s words', () => {
    const refused = new ApiError('dietary_label_conflict', 'An item that contains milk cannot be labelled vegan', 422);
    expect(describeError(refused)).toBe(
      'The request was not accepted. An item that contains milk cannot be labelled vegan',
    );
  });

  it('keeps server faults vague', () => {
    expect(describeError(new ApiError('internal', 'stack trace here', 500))).toBe(
      'The server had a problem. Try again in a moment.',
    );
  });
});
