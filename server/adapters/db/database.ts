import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { btree_gist as BtreeGist } from '@electric-sql/pglite/contrib/btree_gist' with {
  'resolution-mode': 'import',
};
import { knex, type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { migrationSource } from './migrations';

// The package types this subpath as ESM only, although it ships a CommonJS build for require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as { btree_gist: typeof BtreeGist };

export type DatabaseTarget =
  | {
      readonly engine: 'pglite';
      readonly dataDir?: string;
      /** Start from this dump of a data directory (PGlite's dumpDataDir) instead of an empty cluster. */
      readonly loadDataDir?: Blob;
      /** Server settings for this start, e.g. tests' small shared_buffers (zeroed at every start). */
      readonly settings?: Readonly<Record<string, string>>;
      /** Extra initdb options for a new cluster, e.g. `--wal-segsize=1` for a small dump. */
      readonly initdbOptions?: readonly string[];
    }
  | { readonly engine: 'postgres'; readonly url: string; readonly schema?: string; readonly poolMax?: number };

export interface Database {
  readonly knex: Knex;
  readonly engine: DatabaseTarget['engine'];
  close(): Promise<void>;
  /** PGlite only: a dump of the whole data directory, which `loadDataDir` starts from. */
  readonly dumpDataDir?: () => Promise<Blob>;
}

/**
 * Both engines must hand our code the same JavaScript values. pg returns int8 (count(*)) as a
 * string and dates as local-midnight Date objects; PGlite differs. We pin the types we use.
 */
const INT8_OID = 20;
const DATE_OID = 1082;
const parseInt8 = (value: string): number => Number(value);
const keepDateText = (value: string): string => value;

const pgTypes = {
  getTypeParser(oid: number, format?: string): (value: string) => unknown {
    if (oid === INT8_OID) return parseInt8;
    if (oid === DATE_OID) return keepDateText;
    type Parser = (value: string) => unknown;
    return format === 'binary'
      ? (pg.types.getTypeParser(oid, 'binary') as Parser)
      : (pg.types.getTypeParser(oid, 'text') as Parser);
  },
};

type PgliteTarget = Extract<DatabaseTarget, { engine: 'pglite' }>;

async function openPglite(target: PgliteTarget): Promise<PGlite> {
  const { dataDir, loadDataDir, settings, initdbOptions } = target;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const options = {
    extensions: { btree_gist },
    parsers: { [INT8_OID]: parseInt8, [DATE_OID]: keepDateText },
    ...(loadDataDir ? { loadDataDir } : {}),
    ...(settings
      ? {
          startParams: [
            ...PGlite.defaultStartParams,
            ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
          ],
        }
      : {}),
    ...(initdbOptions ? { initDbStartParams: [...initdbOptions] } : {}),
  };
  const instance = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await instance.waitReady;
  return instance;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'pglite') {
    const instance = await openPglite(target);
    const db = knex({
      client: ClientPgLite,
      dialect: 'postgres',
      connection: () => ({ pglite: instance }) as object,
      useNullAsDefault: false,
    });
    return {
      knex: db,
      engine: 'pglite',
      async close() {
        await db.destroy();
        if (!instance.closed) await instance.close();
      },
      dumpDataDir: () => instance.dumpDataDir('none'),
    };
  }
  const db = knex({
    client: 'pg',
    connection: { connectionString: target.url, types: pgTypes },
    pool: { min: 0, max: target.poolMax ?? 10 },
    ...(target.schema ? { searchPath: [target.schema, 'public'] } : {}),
  });
  return {
    knex: db,
    engine: 'postgres',
    async close() {
      await db.destroy();
    },
  };
}

export async function migrateToLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}
