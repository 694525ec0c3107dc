import type { Knex } from 'knex';

/**
 * Keeps the query planner's statistics of one table current while the table grows in bulk.
 *
 * A first sync writes hundreds of thousands of bookings within minutes into a table that has never
 * been analyzed. Without statistics PostgreSQL guesses that `status = 'confirmed'` matches 0.5% of
 * the rows, and plans `id IN (…100 ids…) AND status = 'confirmed'` as a scan of the exclusion
 * index of every confirmed booking: 12 ms at 130,000 rows, growing with the table, where the
 * primary key answers in 0.4 ms. Autovacuum would catch up only at its next round (a minute, and
 * then only as often as the table grows by a tenth), and it does not run at all in PGlite or where
 * an operator turned it off. So whoever writes in bulk says how many rows it added, and once they
 * reach half the rows the table had when it was last analyzed (at least `minRows`), the table is
 * analyzed again, in the background, one ANALYZE at a time.
 */
export interface TableGrowth {
  /** `rows` were added (committed) to the table. */
  grew(rows: number): void;
  /** Resolves once no ANALYZE is running. */
  settled(): Promise<void>;
}

export interface TableGrowthOptions {
  /** Rows added before the first ANALYZE, and at least between two. */
  readonly minRows?: number;
  /** Rows added, as a share of the rows at the last ANALYZE, that call for the next one. */
  readonly share?: number;
  readonly onError?: (err: unknown) => void;
}

export function watchTableGrowth(knex: Knex, table: string, options: TableGrowthOptions = {}): TableGrowth {
  const minRows = options.minRows ?? 1_000;
  const share = options.share ?? 0.5;
  let added = 0;
  let rowsAtLastAnalyze = 0;
  let running: Promise<void> | null = null;

  async function analyze(): Promise<void> {
    added = 0;
    await knex.raw('ANALYZE ??', [table]);
    const result = await knex.raw<{ rows: { reltuples: unknown }[] }>(
      'SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)',
      [table],
    );
    rowsAtLastAnalyze = Math.max(0, Number(result.rows[0]?.reltuples ?? 0));
  }

  function maybeAnalyze(): void {
    if (running || added < Math.max(minRows, share * rowsAtLastAnalyze)) return;
    running = analyze()
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        running = null;
        // Rows added while it ran may already call for the next one.
        maybeAnalyze();
      });
  }

  return {
    grew(rows) {
      added += rows;
      maybeAnalyze();
    },
    async settled() {
      while (running) await running;
    },
  };
}
