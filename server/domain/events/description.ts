/**
 * An event's description is plain text or HTML. HTML is sanitised by a well-kept library (the
 * HtmlSanitizer port; DOMPurify) under this policy before it reaches Exchange, and again when an
 * Outlook-edited body is shown in Roomserve.
 */

/** Something that parses as markup: a tag, a comment or an entity. Plain text stays plain. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\s\S]*?>|<!--|&[a-z]+;|&#\d+;/i.test(text);
}

/** Formatting an invitation needs; nothing that runs, submits, embeds or restyles the page. */
export const DESCRIPTION_FORBIDDEN_TAGS = [
  'style',
  'script',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'link',
  'meta',
  'base',
] as const;
export const DESCRIPTION_FORBIDDEN_ATTRIBUTES = ['style', 'class', 'id'] as const;
/** Links may go to the web or to an address; no javascript:, data: or other schemes. */
export const DESCRIPTION_ALLOWED_URI = /^(?:https?:|mailto:)/i;
