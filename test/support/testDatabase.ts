import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Database } from '../../server/adapters/db/database';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../server/adapters/db/migrations');

/** How the dump's cluster is made (see buildTemplate); part of its key. */
const TEMPLATE_FORMAT = 'wal-segsize=1';

/** Changes whenever a migration or the PGlite build does, so a stale template is never used. */
function templateKey(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(name).update(readFileSync(path.join(MIGRATIONS_DIR, name)));
  }
  hash.update(readFileSync(path.resolve(__dirname, '../../node_modules/@electric-sql/pglite/package.json')));
  hash.update(TEMPLATE_FORMAT);
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite data directory, dumped once per set of migrations and shared by every test
 * file (and worker) through the temp directory: a fresh PGlite spends seconds in initdb, a
 * load from the dump a fraction of that. Written under a temporary name and renamed, so a worker
 * never reads half a dump.
 */
let template: Promise<Blob> | undefined;

/**
 * The dump as PGlite reads it (`arrayBuffer()`), without the copies: an ordinary Blob over the
 * 42 MB file copied it once when made and twice more when read back, chunk by chunk. Those copies
 * and their garbage were a fifth of a small database test file's CPU. PGlite copies the bytes into
 * its own file system, so every database of a file can start from the same buffer.
 */
class DumpInMemory extends Blob {
  constructor(private readonly whole: ArrayBuffer) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.whole);
  }
}

function dumpFromFile(file: string): Blob {
  const bytes = readFileSync(file);
  // A file this size gets a buffer of its own, which PGlite may then read without a copy.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return new DumpInMemory(
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
}

/**
 * Test databases are small, and PostgreSQL zeroes all of shared_buffers at every start: the default
 * 128 MB was a third of PGlite's start-up CPU, and every test file starts at least one.
 */
const TEST_SETTINGS = { shared_buffers: '16MB' } as const;

async function buildTemplate(file: string): Promise<Blob> {
  try {
    return dumpFromFile(file);
  } catch {
    // One-megabyte WAL segments: the dump carries a whole segment, 16 MB by default.
    const db = await openDatabase({ engine: 'pglite', settings: TEST_SETTINGS, initdbOptions: ['--wal-segsize=1'] });
    await migrateToLatest(db.knex);
    const dump = await db.dumpDataDir?.();
    await db.close();
    if (!dump) throw new Error('PGlite gave no dump of its data directory');
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  }
}

function migratedPgliteTemplate(): Promise<Blob> {
  template ??= buildTemplate(path.join(tmpdir(), `roomserve-pglite-${templateKey()}.tar`));
  return template;
}

/**
 * The same, as a PGlite data directory on disk, for tests that start a server process on the
 * embedded engine (the browser tests): copied into the server's DATA_DIR, it spares each start its
 * initdb and every migration, which were about half of the demo product's start. The demo seed
 * still runs in the server, so the demo's times are as fresh as after `npm start`.
 */
let directoryTemplate: Promise<string> | undefined;

async function buildDirectoryTemplate(dir: string): Promise<string> {
  if (existsSync(dir)) return dir;
  const scratch = mkdtempSync(`${dir}.partial-`);
  try {
    const db = await openDatabase({ engine: 'pglite', dataDir: scratch });
    await migrateToLatest(db.knex);
    await db.close();
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  try {
    renameSync(scratch, dir);
  } catch {
    // Another worker renamed its copy first; both are the same migrations.
    rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

/** Fills `target` (a server's DATA_DIR/pglite, not yet there) with a migrated embedded database. */
export async function copyMigratedPglite(target: string): Promise<void> {
  directoryTemplate ??= buildDirectoryTemplate(path.join(tmpdir(), `roomserve-pglite-dir-${templateKey()}`));
  cpSync(await directoryTemplate, target, { recursive: true });
}

/**
 * An isolated, migrated database for one test file, on the engine the runner chose:
 * TEST_DB=postgres gives a fresh schema in DATABASE_URL's database; otherwise an in-memory PGlite.
 */
export interface TestDatabase extends Database {
  readonly label: string;
}

async function ensureSharedExtension(url: string): Promise<void> {
  // Extensions are database-wide; install once in public so every test schema can use it.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4242)');
    await client.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
    await client.query('SELECT pg_advisory_unlock(4242)');
  } finally {
    await client.end();
  }
}

/**
 * Test sessions do not wait for each commit's WAL flush to disk (3 ms a commit here, and a test
 * schema's migrations alone commit hundreds of times). Every commit is still atomic and visible to
 * every other session at once; only a crash of PostgreSQL itself could lose the last few, and a
 * test database does not outlive its run.
 */
function withoutCommitFlush(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', [options, '-c synchronous_commit=off'].filter(Boolean).join(' '));
  return parsed.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  let db: Database;
  let label: string;
  if (engine === 'postgres') {
    const configured = process.env.DATABASE_URL;
    if (!configured) throw new Error('TEST_DB=postgres needs DATABASE_URL');
    const url = withoutCommitFlush(configured);
    await ensureSharedExtension(url);
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ engine: 'postgres', url, poolMax: 1 });
    await admin.knex.raw(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const inner = await openDatabase({ engine: 'postgres', url, schema, poolMax: 5 });
    label = `postgres:${schema}`;
    db = {
      knex: inner.knex,
      engine: 'postgres',
      async close() {
        await inner.close();
        const cleanup = await openDatabase({ engine: 'postgres', url, poolMax: 1 });
        await cleanup.knex.raw(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.close();
      },
    };
  } else if (options.migrate === false) {
    db = await openDatabase({ engine: 'pglite', settings: TEST_SETTINGS });
    label = 'pglite:memory';
  } else {
    // The template is keyed by every migration's text, so it is already at the latest one.
    const migrated = await openDatabase({
      engine: 'pglite',
      settings: TEST_SETTINGS,
      loadDataDir: await migratedPgliteTemplate(),
    });
    return { ...migrated, label: 'pglite:memory' };
  }
  if (options.migrate !== false) await migrateToLatest(db.knex);
  return { ...db, label };
}
