/**
 * The link people click to join: Exchange's JoinOnlineMeetingUrl when set, else the first known
 * video-call link in the location or the body (Teams, Zoom, Webex, Google Meet), as those are what
 * organisers paste into invitations.
 */
const CALL_LINK_PATTERNS: readonly RegExp[] = [
  /https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^\s"'<>]+/i,
  /https:\/\/teams\.live\.com\/meet\/[^\s"'<>]+/i,
  /https:\/\/(?:[\w-]+\.)?zoom\.us\/(?:j|my|w)\/[^\s"'<>]+/i,
  /https:\/\/(?:[\w-]+\.)?webex\.com\/(?:meet|join|[\w-]+\/j\.php)[^\s"'<>]*/i,
  /https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}\b/i,
];

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

function decodeBasicEntities(text: string): string {
  return text.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => HTML_ENTITIES[entity] ?? entity);
}

function firstCallLink(text: string): string | null {
  const decoded = decodeBasicEntities(text);
  let best: { index: number; url: string } | null = null;
  for (const pattern of CALL_LINK_PATTERNS) {
    const match = pattern.exec(decoded);
    if (match && (best === null || match.index < best.index)) best = { index: match.index, url: match[0] };
  }
  return best ? best.url.replace(/[).,;]+$/, '') : null;
}

export function onlineMeetingLink(input: {
  joinOnlineMeetingUrl: string | null;
  location: string;
  body: string;
}): string | null {
  const explicit = input.joinOnlineMeetingUrl?.trim();
  if (explicit) return explicit;
  return firstCallLink(input.location) ?? firstCallLink(input.body);
}
