import { afterAll, afterEach } from '@jest/globals';
import { sealNetwork, takeRefusals } from './sealNetwork';

// Every test file runs sealed from the network (see sealNetwork.ts); a test that tried to reach
// another host fails, even when the code under test swallowed the refusal.
sealNetwork();

function failOnRefusals(when: string): void {
  const refused = takeRefusals();
  if (refused.length > 0)
    throw new Error(`${when} tried to reach the network:\n${refused.map((e) => `  ${e.message}`).join('\n')}`);
}

afterEach(() => failOnRefusals('This test'));
afterAll(() => failOnRefusals('A hook of this file'));
