import { describe, expect, it } from '@jest/globals';
import { SseParser, type ServerEvent } from './sse';

describe('the push stream parser', () => {
  it('gives whole events however the bytes are cut, and counts comments as life', () => {
    const events: ServerEvent[] = [];
    let alive = 0;
    const parser = new SseParser(
      (e) => events.push(e),
      () => (alive += 1),
    );
    const text = 'event: state\ndata: {"a":\ndata: 1}\n\n: keepalive\n\r\nevent: state\r\ndata: {"b":2}\r\n\r\n';
    for (const chunk of text.match(/.{1,5}/gs) ?? []) parser.push(chunk);
    expect(events).toEqual([
      { event: 'state', data: '{"a":\n1}' },
      { event: 'state', data: '{"b":2}' },
    ]);
    expect(alive).toBeGreaterThan(0);
  });

  it('sends nothing for a comment alone or an event without data', () => {
    const events: ServerEvent[] = [];
    const parser = new SseParser((e) => events.push(e));
    parser.push(': keepalive\n\nevent: state\n\n');
    expect(events).toEqual([]);
  });
});
