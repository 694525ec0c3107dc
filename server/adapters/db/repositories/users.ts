import type { Knex } from 'knex';
import { ROLES, type Role } from '../../../../shared/schemas/users';
import { conflict, unprocessable } from '../../../domain/errors';
import type {
  NewUser,
  UserChanges,
  UserListFilter,
  UserRecord,
  UserRepository,
  UserWithPassword,
} from '../../../ports/users';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  active: boolean;
  access_expires_at: Date | string | null;
  created_at: Date | string;
}

interface UserWithPasswordRow extends UserRow {
  must_change_password: boolean;
}

const COLUMNS = ['id', 'email', 'name', 'role', 'password_hash', 'active', 'access_expires_at', 'created_at'];

function toRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new Error(`Unknown role in database: ${value}`);
  return role;
}

export function toUser(row: Omit<UserRow, 'password_hash'>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: toRole(row.role),
    active: row.active,
    accessExpiresAt: row.access_expires_at === null ? null : new Date(row.access_expires_at),
    createdAt: new Date(row.created_at),
  };
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';
}

/** `%` and `_` typed by the admin are searched for literally. */
const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Knex, filter: UserListFilter): Knex.QueryBuilder {
  const query = db('users');
  if (filter.role !== undefined) void query.where({ role: filter.role });
  const text = filter.text?.trim() ?? '';
  if (text !== '') {
    const pattern = likePattern(text);
    void query.where((q) => {
      void q.whereRaw('lower(email) like ?', [pattern]).orWhereRaw('lower(name) like ?', [pattern]);
    });
  }
  return query;
}

const takesAdminPower = (current: UserRow, changes: UserChanges): boolean =>
  current.role === 'admin' &&
  current.active &&
  ((changes.role !== undefined && changes.role !== 'admin') || changes.active === false);

/**
 * The installation must keep one active admin. The active admins' rows are locked first, so a
 * concurrent demotion waits for this one and then sees its result.
 */
async function refuseLastAdmin(trx: Knex.Transaction, id: string, changes: UserChanges): Promise<void> {
  const admins = await trx('users').where({ role: 'admin', active: true }).select<{ id: string }[]>('id').forUpdate();
  const current = await trx('users').where({ id }).first<UserRow | undefined>(COLUMNS);
  if (!current || !takesAdminPower(current, changes)) return;
  if (admins.every((admin) => admin.id === id)) {
    throw unprocessable('This is the last active admin; make another user an admin first', {
      field: changes.active === false ? 'active' : 'role',
      reason: 'last-admin',
    });
  }
}

export function createUserRepository(db: Knex): UserRepository {
  return {
    async findById(id) {
      const row = await db('users').where({ id }).first<UserRow | undefined>(COLUMNS);
      return row ? toUser(row) : undefined;
    },
    async findByEmail(email): Promise<UserWithPassword | undefined> {
      const row = await db('users')
        .whereRaw('lower(email) = lower(?)', [email])
        .first<UserWithPasswordRow | undefined>([...COLUMNS, 'must_change_password']);
      return row
        ? { ...toUser(row), passwordHash: row.password_hash, mustChangePassword: row.must_change_password }
        : undefined;
    },
    async list(filter) {
      const rows = await filtered(db, filter)
        .select<UserRow[]>(COLUMNS)
        .orderBy([{ column: 'email' }, { column: 'id' }])
        .offset(filter.offset)
        .limit(filter.limit);
      const counted = await filtered(db, filter).count<{ count: number }[]>({ count: '*' });
      return { items: rows.map(toUser), total: Number(counted[0]?.count ?? 0) };
    },
    async create(user: NewUser) {
      try {
        const [row] = await db('users')
          .insert({
            email: user.email,
            name: user.name,
            role: user.role,
            password_hash: user.passwordHash,
            active: user.active,
          })
          .returning<UserRow[]>(COLUMNS);
        if (!row) throw new Error('insert into users returned no row');
        return toUser(row);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`A user with email ${user.email} already exists`);
        throw err;
      }
    },
    async update(id, changes: UserChanges) {
      const patch: Partial<Omit<UserWithPasswordRow, 'access_expires_at'>> & {
        updated_at: Knex.Raw;
        access_expires_at?: string | null;
      } = { updated_at: db.fn.now() };
      if (changes.name !== undefined) patch.name = changes.name;
      if (changes.role !== undefined) patch.role = changes.role;
      if (changes.active !== undefined) patch.active = changes.active;
      if (changes.passwordHash !== undefined) patch.password_hash = changes.passwordHash;
      if (changes.mustChangePassword !== undefined) patch.must_change_password = changes.mustChangePassword;
      if (changes.accessExpiresAt !== undefined)
        patch.access_expires_at = changes.accessExpiresAt === null ? null : changes.accessExpiresAt.toISOString();
      return db.transaction(async (trx) => {
        await refuseLastAdmin(trx, id, changes);
        const [row] = await trx('users').where({ id }).update(patch).returning<UserRow[]>(COLUMNS);
        return row ? toUser(row) : undefined;
      });
    },
  };
}
