import { describe, expect, it } from '@jest/globals';
import { createAnonymisationJob } from './privacy';

describe('the anonymisation job', () => {
  it('anonymises what ended before the installation’s current age, read again on every run', async () => {
    const cutoffs: string[] = [];
    let afterDays = 90;
    const job = createAnonymisationJob({
      anonymiser: {
        anonymiseBefore: (before) => {
          cutoffs.push(before.toISOString());
          return Promise.resolve(0);
        },
      },
      clock: { now: () => new Date('2026-12-07T03:00:00Z') },
      afterDays: () => Promise.resolve(afterDays),
    });
    await job.run();
    afterDays = 30;
    await job.run();
    expect(cutoffs).toEqual(['2026-09-08T03:00:00.000Z', '2026-11-07T03:00:00.000Z']);
  });
});
