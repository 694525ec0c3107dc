import { createHash } from 'node:crypto';
import pg from 'pg';
import type { RoomLeases } from '../../ports/roomLeases';

/** 'RmSy': the advisory-lock key space of room sync leases (the first of the two int4 keys). */
export const LEASE_NAMESPACE = 0x526d5379;

/** The second int4 key of a room's lease (pg_locks shows it as objid, unsigned). */
export function lockKey(roomId: string): number {
  return createHash('sha256').update(roomId).digest().readInt32BE(0);
}

/**
 * Room leases as PostgreSQL session-level advisory locks held on one dedicated connection. When the
 * instance dies, PostgreSQL ends its session and frees every lock at once, so another instance's
 * next claim round takes the rooms over. Two rooms whose keys collide are simply owned together.
 */
export function createAdvisoryRoomLeases(
  connectionString: string,
  onError: (err: unknown) => void = () => undefined,
): RoomLeases {
  const mine = new Set<string>();
  const listeners: ((roomIds: readonly string[]) => void)[] = [];
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  function lose(dead: pg.Client): void {
    if (client !== dead) return;
    client = null;
    const lost = [...mine];
    mine.clear();
    if (lost.length > 0) for (const listener of listeners) listener(lost);
  }

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= (async () => {
      const fresh = new pg.Client({ connectionString, keepAlive: true });
      fresh.on('error', (err) => {
        onError(err);
        lose(fresh);
      });
      fresh.on('end', () => lose(fresh));
      await fresh.connect();
      client = fresh;
      return fresh;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    async tryAcquire(roomId) {
      if (closed) return false;
      if (mine.has(roomId)) return true;
      const db = await connection();
      const result = await db.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        LEASE_NAMESPACE,
        lockKey(roomId),
      ]);
      const ok = result.rows[0]?.ok === true;
      if (ok) mine.add(roomId);
      return ok;
    },
    async release(roomId) {
      if (!mine.delete(roomId) || !client) return;
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LEASE_NAMESPACE, lockKey(roomId)]);
    },
    held: () => mine,
    onLost(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      mine.clear();
      const open = client;
      client = null;
      if (open) await open.end();
    },
  };
}
