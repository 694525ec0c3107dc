import { describe, expect, it } from '@jest/globals';
import { createDescriptionSanitizer } from './descriptionSanitizer';

describe('description sanitizer', () => {
  const sanitizer = createDescriptionSanitizer();

  it('keeps formatting and web links, drops scripts, handlers, styles and javascript: links', async () => {
    const clean = await sanitizer.sanitize(
      '<p style="color:red" onclick="steal()">Agenda <b>bold</b></p><script>alert(1)</script>' +
        '<a href="javascript:alert(1)">bad</a> <a href="https://intranet.example/agenda">agenda</a><style>p{}</style>',
    );
    expect(clean).toBe('<p>Agenda <b>bold</b></p><a>bad</a> <a href="https://intranet.example/agenda">agenda</a>');
  });
});
