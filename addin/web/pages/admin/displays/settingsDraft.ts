import type {
  DisplaySettingsView,
  RoomDisplaySettingsView,
  bookNowMinutesSchema,
} from '../../../../../shared/schemas/displays';
import type { z } from 'zod';
import { displaysStrings as text } from './strings';

export type BookNowMinutes = z.infer<typeof bookNowMinutesSchema>;
export const BOOK_NOW_CHOICES: readonly BookNowMinutes[] = [15, 30, 60, 'until-next'];

/** The minute fields and their ranges, as the server's schema has them. */
export const MINUTE_FIELDS = {
  checkInWindowBeforeMinutes: { min: 0, max: 60 },
  checkInWindowAfterMinutes: { min: 1, max: 60 },
  releaseAfterMinutes: { min: 1, max: 60 },
} as const;
export type MinuteField = keyof typeof MINUTE_FIELDS;
export const MINUTE_FIELD_NAMES = Object.keys(MINUTE_FIELDS) as MinuteField[];

export type SwitchField = 'showSubjects' | 'showOrganizers' | 'checkInRequired';
export const SWITCH_FIELDS: readonly SwitchField[] = ['showSubjects', 'showOrganizers', 'checkInRequired'];

/** What the form holds: minutes as typed. */
export type SettingsDraft = Record<SwitchField, boolean> &
  Record<MinuteField, string> & { bookNowOptions: BookNowMinutes[] };

/** A room's form: a tri-state per switch, an empty field follows the installation. */
export type RoomDraft = Record<SwitchField, boolean | null> &
  Record<MinuteField, string> & { bookNowOptions: BookNowMinutes[] | null };

export type Checked<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/** Book now choices in the order the display shows them, whatever order they were ticked in. */
export function toggleChoice(
  options: readonly BookNowMinutes[],
  choice: BookNowMinutes,
  on: boolean,
): BookNowMinutes[] {
  return BOOK_NOW_CHOICES.filter((c) => (c === choice ? on : options.includes(c)));
}

export function draftOf(settings: DisplaySettingsView): SettingsDraft {
  return {
    showSubjects: settings.showSubjects,
    showOrganizers: settings.showOrganizers,
    checkInRequired: settings.checkInRequired,
    checkInWindowBeforeMinutes: String(settings.checkInWindowBeforeMinutes),
    checkInWindowAfterMinutes: String(settings.checkInWindowAfterMinutes),
    releaseAfterMinutes: String(settings.releaseAfterMinutes),
    bookNowOptions: [...settings.bookNowOptions],
  };
}

export function roomDraftOf(settings: RoomDisplaySettingsView): RoomDraft {
  const minutes = (value: number | null) => (value === null ? '' : String(value));
  return {
    showSubjects: settings.showSubjects,
    showOrganizers: settings.showOrganizers,
    checkInRequired: settings.checkInRequired,
    checkInWindowBeforeMinutes: minutes(settings.checkInWindowBeforeMinutes),
    checkInWindowAfterMinutes: minutes(settings.checkInWindowAfterMinutes),
    releaseAfterMinutes: minutes(settings.releaseAfterMinutes),
    bookNowOptions: settings.bookNowOptions === null ? null : [...settings.bookNowOptions],
  };
}

/** A whole number of minutes in the field's range, or undefined. */
function minutesIn(field: MinuteField, typed: string): number | undefined {
  const { min, max } = MINUTE_FIELDS[field];
  if (!/^\d+$/.test(typed.trim())) return undefined;
  const value = Number(typed.trim());
  return value >= min && value <= max ? value : undefined;
}

const rangeProblem = (field: MinuteField) =>
  text.settings.wholeMinutes(MINUTE_FIELDS[field].min, MINUTE_FIELDS[field].max);

export function checkDraft(draft: SettingsDraft): Checked<DisplaySettingsView> {
  const fields: Record<string, string> = {};
  const minutes = {} as Record<MinuteField, number>;
  for (const field of MINUTE_FIELD_NAMES) {
    const value = minutesIn(field, draft[field]);
    if (value === undefined) fields[field] = rangeProblem(field);
    else minutes[field] = value;
  }
  if (draft.bookNowOptions.length === 0) fields.bookNowOptions = text.settings.bookNowRequired;
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const { showSubjects, showOrganizers, checkInRequired, bookNowOptions } = draft;
  return { ok: true, value: { showSubjects, showOrganizers, checkInRequired, ...minutes, bookNowOptions } };
}

export function checkRoomDraft(draft: RoomDraft): Checked<RoomDisplaySettingsView> {
  const fields: Record<string, string> = {};
  const minutes = {} as Record<MinuteField, number | null>;
  for (const field of MINUTE_FIELD_NAMES) {
    if (draft[field].trim() === '') {
      minutes[field] = null;
      continue;
    }
    const value = minutesIn(field, draft[field]);
    if (value === undefined) fields[field] = rangeProblem(field);
    else minutes[field] = value;
  }
  if (draft.bookNowOptions !== null && draft.bookNowOptions.length === 0)
    fields.bookNowOptions = text.settings.bookNowRequired;
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const { showSubjects, showOrganizers, checkInRequired, bookNowOptions } = draft;
  return { ok: true, value: { showSubjects, showOrganizers, checkInRequired, ...minutes, bookNowOptions } };
}
