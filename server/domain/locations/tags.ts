/**
 * Tags are free-form, but "video conference" and "Video  Conference " are the same tag to a
 * person filtering rooms. We keep the first spelling and drop later case-insensitive repeats.
 */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ');
}

export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = normaliseTag(raw);
    const key = tag.toLocaleLowerCase('en');
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}
