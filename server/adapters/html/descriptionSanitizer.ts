import type { DOMPurify } from 'dompurify';
import {
  DESCRIPTION_ALLOWED_URI,
  DESCRIPTION_FORBIDDEN_ATTRIBUTES,
  DESCRIPTION_FORBIDDEN_TAGS,
} from '../../domain/events/description';
import type { HtmlSanitizer } from '../../ports/htmlSanitizer';

/**
 * DOMPurify on a jsdom window, loaded on the first HTML description rather than at start-up (jsdom
 * costs a fifth of a second to import; see adapters/images/svgSanitizer.ts for the same reason).
 */
async function createPurifier(): Promise<DOMPurify> {
  const [{ JSDOM: Dom }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
  return createDOMPurify(new Dom('').window);
}

export function createDescriptionSanitizer(): HtmlSanitizer {
  let purifier: Promise<DOMPurify> | undefined;
  return {
    async sanitize(html: string): Promise<string> {
      purifier ??= createPurifier();
      const purify = await purifier;
      return purify.sanitize(html, {
        FORBID_TAGS: [...DESCRIPTION_FORBIDDEN_TAGS],
        FORBID_ATTR: [...DESCRIPTION_FORBIDDEN_ATTRIBUTES],
        ALLOWED_URI_REGEXP: DESCRIPTION_ALLOWED_URI,
        ALLOW_DATA_ATTR: false,
      });
    },
  };
}
