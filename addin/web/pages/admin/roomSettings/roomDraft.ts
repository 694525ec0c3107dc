import type { RoomBookingRulesView } from '../../../../../shared/schemas/bookings';
import type { Room } from '../../../../../shared/schemas/locations';

/** A picture as the form holds it: the uploaded file's id, and where to show it. */
export interface Picture {
  readonly fileId: string;
  readonly url: string;
}

/** What the room settings form edits; numbers as typed, checked by the server. */
export interface RoomDraft {
  readonly capacity: string;
  readonly tags: readonly string[];
  readonly pictures: readonly Picture[];
  readonly bookableInternal: boolean;
  readonly bookableExternal: boolean;
  readonly maxDurationMinutes: string;
  readonly bookingWindowDays: string;
  readonly minNoticeMinutes: string;
  readonly readOnly: boolean;
}

/** Room images are served at /api/files/<id>; the room PATCH takes the ids back. */
export function fileIdOf(url: string): string {
  return url.split('/').pop() ?? url;
}

export function draftOf(room: Room, rules: RoomBookingRulesView): RoomDraft {
  return {
    capacity: String(room.capacity),
    tags: room.tags,
    pictures: room.images.map((image) => ({ fileId: fileIdOf(image.url), url: image.url })),
    bookableInternal: room.bookableInternal,
    bookableExternal: room.bookableExternal,
    maxDurationMinutes: String(rules.maxDurationMinutes),
    bookingWindowDays: String(rules.bookingWindowDays),
    minNoticeMinutes: String(rules.minNoticeMinutes),
    readOnly: rules.readOnly,
  };
}

/** An empty or garbled number is sent as null (JSON has no NaN), so the server’s complaint lands at its field. */
const numberOf = (typed: string): number => (typed.trim() === '' ? Number.NaN : Number(typed));

export function roomBodyOf(draft: RoomDraft) {
  return {
    capacity: numberOf(draft.capacity),
    tags: [...draft.tags],
    imageFileIds: draft.pictures.map((p) => p.fileId),
    bookableInternal: draft.bookableInternal,
    bookableExternal: draft.bookableExternal,
  };
}

export function rulesBodyOf(draft: RoomDraft) {
  return {
    maxDurationMinutes: numberOf(draft.maxDurationMinutes),
    bookingWindowDays: numberOf(draft.bookingWindowDays),
    minNoticeMinutes: numberOf(draft.minNoticeMinutes),
    readOnly: draft.readOnly,
  };
}

/** Adds a tag unless the room has it already (compared case-insensitively, as the server does). */
export function withTag(tags: readonly string[], typed: string): readonly string[] {
  const tag = typed.trim();
  if (tag === '' || tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return tags;
  return [...tags, tag];
}

export function moved<T>(items: readonly T[], from: number, to: number): readonly T[] {
  if (to < 0 || to >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
