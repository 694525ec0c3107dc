import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createLogger } from './logger';

function capture(pretty: boolean): { lines: () => string[]; log: ReturnType<typeof createLogger> } {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const log = createLogger({ level: 'info', pretty, destination: out });
  return { log, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('the logger', () => {
  it('writes JSON lines when standard output is not a terminal', async () => {
    const { log, lines } = capture(false);
    log.info({ engine: 'pglite' }, 'database ready');
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(lines()[0] ?? '')).toMatchObject({ level: 30, engine: 'pglite', msg: 'database ready' });
  });

  it('writes readable lines for a terminal, still without secrets', async () => {
    const { log, lines } = capture(true);
    log.info({ req: { headers: { authorization: 'Bearer s3cret' } } }, 'database ready');
    await new Promise((resolve) => setImmediate(resolve));
    const text = lines().join('\n');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: database ready/);
    expect(text).not.toContain('s3cret');
    expect(() => {
      JSON.parse(lines()[0] ?? '');
    }).toThrow();
  });
});
