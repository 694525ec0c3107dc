import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createAdvisoryRoomLeases, lockKey } from '../../server/adapters/db/advisoryRoomLeases';
import { createInProcessRoomLeases } from '../../server/sync/inProcessRoomLeases';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
  await db.close();
});

const ROOM = '6f1d7f36-6a0c-4f5e-9d55-3f1a9d7d2c11';

describe('in-process room leases', () => {
  it('give each room to one holder and free it on close', async () => {
    const taken = new Set<string>();
    const a = createInProcessRoomLeases(taken);
    const b = createInProcessRoomLeases(taken);
    expect(await a.tryAcquire(ROOM)).toBe(true);
    expect(await b.tryAcquire(ROOM)).toBe(false);
    await a.close();
    expect(await b.tryAcquire(ROOM)).toBe(true);
  });

  it('take free rooms in order up to the number wanted, passing over those held elsewhere', async () => {
    const taken = new Set<string>();
    const a = createInProcessRoomLeases(taken);
    const b = createInProcessRoomLeases(taken);
    const rooms = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await b.tryAcquire(rooms[1] ?? '');
    expect(await a.acquireUpTo(rooms, 2)).toEqual([rooms[0], rooms[2]]);
    expect(await b.tryAcquire(rooms[3] ?? '')).toBe(true);
  });
});

// Advisory locks exist on PostgreSQL only; the runner's PostgreSQL pass exercises them.
const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

onPostgres('advisory room leases (PostgreSQL)', () => {
  const url = process.env.DATABASE_URL ?? '';

  it('take free rooms in one batch up to the number wanted, and no lease beyond it', async () => {
    const first = createAdvisoryRoomLeases(url);
    const second = createAdvisoryRoomLeases(url);
    const rooms = Array.from({ length: 6 }, () => randomUUID());
    try {
      expect(await second.tryAcquire(rooms[1] ?? '')).toBe(true);
      expect(await second.tryAcquire(rooms[2] ?? '')).toBe(true);
      // Two batches: the first (3 rooms) finds two held by the other instance, the second asks for the one still wanted.
      expect(await first.acquireUpTo(rooms, 3)).toEqual([rooms[0], rooms[3], rooms[4]]);
      expect([...first.held()].sort()).toEqual([rooms[0], rooms[3], rooms[4]].sort());
      expect(await second.tryAcquire(rooms[5] ?? '')).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('let one instance hold a room, and another take it when the holder dies', async () => {
    const first = createAdvisoryRoomLeases(url);
    const second = createAdvisoryRoomLeases(url);
    const lost: string[] = [];
    first.onLost((ids) => lost.push(...ids));
    try {
      expect(await first.tryAcquire(ROOM)).toBe(true);
      expect(await second.tryAcquire(ROOM)).toBe(false);

      // The holder's session ends abruptly, as when its process is killed. Only this room's holder:
      // the lease sessions of server processes in tests running beside this one must live on.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted",
        [0x526d5379, lockKey(ROOM) >>> 0],
      );
      await admin.end();

      const deadline = Date.now() + 5000;
      while (!(await second.tryAcquire(ROOM))) {
        if (Date.now() > deadline) throw new Error('lease was not freed');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(second.held().has(ROOM)).toBe(true);
      expect(lost).toEqual([ROOM]);
    } finally {
      await first.close().catch(() => undefined);
      await second.close();
    }
  });

  it('give each live instance its share of the rooms, and fence a commit once the lease is gone', async () => {
    // This file's own schema: the presence lock counts the instances of one installation only.
    const own = new URL(url);
    own.searchParams.set('options', `-c search_path=${db.label.split(':')[1] ?? 'public'}`);
    const first = createAdvisoryRoomLeases(own.toString());
    const second = createAdvisoryRoomLeases(own.toString());
    try {
      expect(await first.share(10)).toBe(10); // alone: every room
      expect(await second.share(10)).toBe(5);
      expect(await first.share(9)).toBe(5); // rounded up, so the shares cover every room

      expect(await first.tryAcquire(ROOM)).toBe(true);
      expect(await first.fence(db.knex, ROOM)).toBe(true);
      expect(await second.fence(db.knex, ROOM)).toBe(false);

      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted",
        [0x526d5379, lockKey(ROOM) >>> 0],
      );
      await admin.end();
      // The sync that was under way when the lease went must not commit.
      expect(await first.fence(db.knex, ROOM)).toBe(false);
      const deadline = Date.now() + 5000;
      while ((await second.share(10)) !== 10) {
        if (Date.now() > deadline) throw new Error('the dead instance was still counted');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await first.close().catch(() => undefined);
      await second.close();
    }
  });
});
