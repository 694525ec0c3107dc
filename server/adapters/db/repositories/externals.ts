import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { DEFAULT_EXTERNAL_SETTINGS, type ExternalSettings, type LinkPurpose } from '../../../domain/externals/rules';
import type {
  ExternalListRow,
  ExternalMailbox,
  ExternalProfile,
  ExternalRepository,
  StoredLink,
} from '../../../ports/externals';

type Stamp = Date | string;
const date = (value: Stamp): Date => new Date(value);
const maybeDate = (value: Stamp | null): Date | null => (value === null ? null : new Date(value));

interface ProfileRow {
  user_id: string;
  company: string | null;
  invited_by: string | null;
  invited_at: Stamp;
  accepted_at: Stamp | null;
  deactivated_at: Stamp | null;
  last_sign_in_at: Stamp | null;
}

interface ListRow extends ProfileRow {
  email: string;
  name: string;
  active: boolean;
  access_expires_at: Stamp | null;
  bookings: number | string;
  open_bookings: number | string;
}

interface LinkRow {
  id: string;
  purpose: LinkPurpose;
  user_id: string;
  expires_at: Stamp;
  used_at: Stamp | null;
}

function toProfile(row: ProfileRow): ExternalProfile {
  return {
    userId: row.user_id,
    company: row.company,
    invitedBy: row.invited_by,
    invitedAt: date(row.invited_at),
    acceptedAt: maybeDate(row.accepted_at),
    deactivatedAt: maybeDate(row.deactivated_at),
    lastSignInAt: maybeDate(row.last_sign_in_at),
  };
}

function toListRow(row: ListRow): ExternalListRow {
  return {
    ...toProfile(row),
    email: row.email,
    name: row.name,
    active: row.active,
    accessExpiresAt: maybeDate(row.access_expires_at),
    bookings: Number(row.bookings),
    openBookings: Number(row.open_bookings),
  };
}

const toLink = (row: LinkRow): StoredLink => ({
  id: row.id,
  purpose: row.purpose,
  userId: row.user_id,
  expiresAt: date(row.expires_at),
  usedAt: maybeDate(row.used_at),
});

const count = (rows: { count: number | string }[]): number => Number(rows[0]?.count ?? 0);

/** Open: the room has not declined it and it has not ended. */
const OPEN_BOOKINGS = `SELECT count(*) FROM bookings bk WHERE bk.requested_by = u.id
  AND bk.status IN ('pending', 'confirmed') AND upper(bk.during) > CAST(? AS timestamptz)`;

export function createExternalRepository(db: Knex): ExternalRepository {
  return {
    async settings() {
      const row = await db('external_settings')
        .where({ id: 1 })
        .first<{ employees_may_invite: boolean; invitations_per_day: number; max_open_bookings: number } | undefined>(
          'employees_may_invite',
          'invitations_per_day',
          'max_open_bookings',
        );
      if (!row) return DEFAULT_EXTERNAL_SETTINGS;
      return {
        employeesMayInvite: row.employees_may_invite,
        invitationsPerDay: row.invitations_per_day,
        maxOpenBookings: row.max_open_bookings,
      };
    },
    async saveSettings(settings: ExternalSettings) {
      const row = {
        id: 1,
        employees_may_invite: settings.employeesMayInvite,
        invitations_per_day: settings.invitationsPerDay,
        max_open_bookings: settings.maxOpenBookings,
        updated_at: db.fn.now(),
      };
      await db('external_settings').insert(row).onConflict('id').merge();
      return settings;
    },
    async saveProfile(profile) {
      await db('external_profiles')
        .insert({
          user_id: profile.userId,
          company: profile.company,
          invited_by: profile.invitedBy,
          invited_at: profile.invitedAt.toISOString(),
        })
        .onConflict('user_id')
        .merge(['company', 'invited_by', 'invited_at']);
    },
    async profile(userId) {
      const row = await db('external_profiles').where({ user_id: userId }).first<ProfileRow | undefined>();
      return row ? toProfile(row) : undefined;
    },
    async markAccepted(userId, at) {
      await db('external_profiles')
        .where({ user_id: userId })
        .update({ accepted_at: db.raw('coalesce(accepted_at, CAST(? AS timestamptz))', [at.toISOString()]) });
    },
    async markDeactivated(userId, at) {
      await db('external_profiles')
        .where({ user_id: userId })
        .update({ deactivated_at: at === null ? null : at.toISOString() });
    },
    async recordSignIn(userId, at) {
      await db('external_profiles').where({ user_id: userId }).update({ last_sign_in_at: at.toISOString() });
    },
    async list(now) {
      const result = await db.raw<{ rows: ListRow[] }>(
        `SELECT p.*, u.email, u.name, u.active, u.access_expires_at,
                (SELECT count(*) FROM bookings bk WHERE bk.requested_by = u.id) AS bookings,
                (${OPEN_BOOKINGS}) AS open_bookings
           FROM external_profiles p JOIN users u ON u.id = p.user_id
          WHERE u.role = 'external'
          ORDER BY lower(u.name), u.id`,
        [now.toISOString()],
      );
      return result.rows.map(toListRow);
    },
    async openBookings(userId, now) {
      const result = await db.raw<{ rows: { count: number | string }[] }>(
        `SELECT (${OPEN_BOOKINGS}) AS count FROM users u WHERE u.id = ?`,
        [now.toISOString(), userId],
      );
      return count(result.rows);
    },
    async insertLink(link) {
      await db('external_links').insert({
        token_hash: link.tokenHash,
        purpose: link.purpose,
        user_id: link.userId,
        created_by: link.createdBy,
        created_at: link.createdAt.toISOString(),
        expires_at: link.expiresAt.toISOString(),
      });
    },
    async findLink(tokenHash) {
      const row = await db('external_links')
        .where({ token_hash: tokenHash })
        .first<LinkRow | undefined>('id', 'purpose', 'user_id', 'expires_at', 'used_at');
      return row ? toLink(row) : undefined;
    },
    async useLink(id, at) {
      // One UPDATE guarded by used_at: two requests with the same link cannot both use it.
      const rows = await db('external_links')
        .where({ id })
        .whereNull('used_at')
        .update({ used_at: at.toISOString() })
        .returning<{ id: string }[]>('id');
      return rows.length === 1;
    },
    async revokeLinks(userId, at) {
      await db('external_links').where({ user_id: userId }).whereNull('used_at').update({ used_at: at.toISOString() });
    },
    async invitationsSentBy(inviterId, since) {
      const rows = await db('external_links')
        .where({ created_by: inviterId, purpose: 'invitation' })
        .where('created_at', '>', since.toISOString())
        .count<{ count: number | string }[]>({ count: '*' });
      return count(rows);
    },
    async signInLinksFor(userId, since) {
      const rows = await db('external_links')
        .where({ user_id: userId, purpose: 'sign-in' })
        .where('created_at', '>', since.toISOString())
        .count<{ count: number | string }[]>({ count: '*' });
      return count(rows);
    },
  };
}

/** Externals' emails through the transactional outbox that the catering dispatcher sends. */
export function createExternalMailbox(db: Knex, nudge: () => void): ExternalMailbox {
  return {
    async enqueue(message) {
      await db('outbox')
        .insert({
          dedupe_key: message.dedupeKey,
          change_id: randomUUID(),
          kind: message.kind,
          channel: 'email',
          recipient: message.to,
          payload: JSON.stringify({
            subject: message.subject,
            text: message.text,
            ...(message.attachments ? { attachments: message.attachments } : {}),
          }),
        })
        .onConflict('dedupe_key')
        .ignore();
      nudge();
    },
  };
}
