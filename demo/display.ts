import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Actor } from '../server/domain/actor';
import { DEMO_BUILDINGS } from './organisation/organisation';

/**
 * The demo's room display: `npm start` pairs one display for a demo room, the way an admin and a
 * tablet would (a pairing code, spent at once), and keeps the device token in the data directory
 * so that every restart prints the same link. The server stores only the token's hash; this file
 * is the demo's only copy, and only the demo writes it.
 */

/** The demo room with the display; the first room of the demo's first floor (Harbour House, Elbe). */
export const DEMO_DISPLAY_ROOM = DEMO_BUILDINGS[0]?.floors[0]?.rooms[0]?.email ?? '';
export const DEMO_DISPLAY_FILE = 'demo-display.json';

const savedSchema = z.object({ displayId: z.string(), token: z.string() });
type SavedDisplay = z.infer<typeof savedSchema>;

export interface DemoDisplayPairing {
  create(roomId: string, actor: Actor): Promise<{ id: string; pairingCode: string }>;
  pair(code: string): Promise<{ token: string }>;
  list(): Promise<readonly { id: string; status: string }[]>;
}

export interface DemoDisplayDeps {
  readonly knex: Knex;
  readonly dataDir: string;
  /** The address people open, e.g. http://localhost:3000 (no trailing slash). */
  readonly publicUrl: string;
  readonly pairing: DemoDisplayPairing;
}

export const demoDisplayUrl = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/display#token=${token}`;

async function readSaved(file: string): Promise<SavedDisplay | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = savedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // a damaged file: pair a new display
  }
}

/** The demo's first admin acts for the demo: the display's row names who added it. */
async function demoActor(knex: Knex): Promise<Actor | undefined> {
  const row = await knex('users')
    .where({ role: 'admin', active: true })
    .orderBy('created_at')
    .first<{ id: string; email: string; name: string } | undefined>('id', 'email', 'name');
  return row && { userId: row.id, email: row.email, name: row.name, role: 'admin', via: 'session' };
}

async function pairNew(deps: DemoDisplayDeps, file: string): Promise<SavedDisplay | undefined> {
  const room = await deps
    .knex('rooms')
    .where({ exchange_email: DEMO_DISPLAY_ROOM })
    .first<{ id: string } | undefined>('id');
  const actor = await demoActor(deps.knex);
  if (!room || !actor) return undefined;
  const created = await deps.pairing.create(room.id, actor);
  const { token } = await deps.pairing.pair(created.pairingCode);
  const saved = { displayId: created.id, token };
  await writeFile(file, JSON.stringify(saved), { mode: 0o600 });
  await chmod(file, 0o600);
  return saved;
}

/**
 * The demo display's link: the saved one while its display is still paired (restarts keep it),
 * else a newly paired one (first start, or an admin revoked the last). Undefined when the demo has
 * no such room or no admin (someone changed the demo's data).
 */
export async function ensureDemoDisplay(deps: DemoDisplayDeps): Promise<string | undefined> {
  const file = path.join(deps.dataDir, DEMO_DISPLAY_FILE);
  const saved = await readSaved(file);
  const stillPaired =
    saved !== undefined && (await deps.pairing.list()).some((d) => d.id === saved.displayId && d.status === 'paired');
  const display = stillPaired ? saved : await pairNew(deps, file);
  return display && demoDisplayUrl(deps.publicUrl, display.token);
}
