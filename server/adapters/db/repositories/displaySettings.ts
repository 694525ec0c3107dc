import type { Knex } from 'knex';
import {
  bookNowMinutesSchema,
  type BookNowMinutes,
  type DisplaySettingsView,
  type RoomDisplaySettingsView,
} from '../../../../shared/schemas/displays';
import { DEFAULT_BOOK_NOW_OPTIONS } from '../../../domain/displays/settings';
import type { DisplaySettingsRepository } from '../../../ports/displays';

interface SettingsRow {
  show_subjects: boolean;
  show_organizers: boolean;
  check_in_required: boolean;
  check_in_before_minutes: number;
  check_in_after_minutes: number;
  release_after_minutes: number;
  book_now_options: unknown;
}

type RoomRow = { [K in keyof SettingsRow]: SettingsRow[K] | null };

const COLUMNS = [
  'show_subjects',
  'show_organizers',
  'check_in_required',
  'check_in_before_minutes',
  'check_in_after_minutes',
  'release_after_minutes',
  'book_now_options',
];

/** jsonb reads back parsed on PostgreSQL and PGlite alike; anything unexpected falls back to the default. */
function optionsOf(value: unknown): BookNowMinutes[] | null {
  if (value === null || value === undefined) return null;
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const result = bookNowMinutesSchema.array().min(1).safeParse(parsed);
  return result.success ? result.data : null;
}

const numberOrNull = (value: number | null): number | null => (value === null ? null : Number(value));

const toRow = (settings: DisplaySettingsView | RoomDisplaySettingsView): RoomRow => ({
  show_subjects: settings.showSubjects,
  show_organizers: settings.showOrganizers,
  check_in_required: settings.checkInRequired,
  check_in_before_minutes: settings.checkInWindowBeforeMinutes,
  check_in_after_minutes: settings.checkInWindowAfterMinutes,
  release_after_minutes: settings.releaseAfterMinutes,
  book_now_options: settings.bookNowOptions === null ? null : JSON.stringify(settings.bookNowOptions),
});

const toRoomSettings = (row: RoomRow): RoomDisplaySettingsView => ({
  showSubjects: row.show_subjects,
  showOrganizers: row.show_organizers,
  checkInRequired: row.check_in_required,
  checkInWindowBeforeMinutes: numberOrNull(row.check_in_before_minutes),
  checkInWindowAfterMinutes: numberOrNull(row.check_in_after_minutes),
  releaseAfterMinutes: numberOrNull(row.release_after_minutes),
  bookNowOptions: optionsOf(row.book_now_options),
});

export function createDisplaySettingsRepository(db: Knex): DisplaySettingsRepository {
  return {
    async installation() {
      const row = await db('display_settings').where({ id: 1 }).first<SettingsRow | undefined>(COLUMNS);
      if (!row) return undefined;
      return {
        showSubjects: row.show_subjects,
        showOrganizers: row.show_organizers,
        checkInRequired: row.check_in_required,
        checkInWindowBeforeMinutes: Number(row.check_in_before_minutes),
        checkInWindowAfterMinutes: Number(row.check_in_after_minutes),
        releaseAfterMinutes: Number(row.release_after_minutes),
        bookNowOptions: [...(optionsOf(row.book_now_options) ?? DEFAULT_BOOK_NOW_OPTIONS)],
      };
    },
    async saveInstallation(settings, at) {
      await db('display_settings')
        .insert({ id: 1, ...toRow(settings), updated_at: at })
        .onConflict('id')
        .merge();
    },
    async room(roomId) {
      const row = await db('room_display_settings').where({ room_id: roomId }).first<RoomRow | undefined>(COLUMNS);
      return row ? toRoomSettings(row) : undefined;
    },
    async saveRoom(roomId, settings, at) {
      const room = await db('rooms').where({ id: roomId }).first<{ id: string } | undefined>('id');
      if (!room) return false;
      await db('room_display_settings')
        .insert({ room_id: roomId, ...toRow(settings), updated_at: at })
        .onConflict('room_id')
        .merge();
      return true;
    },
  };
}
