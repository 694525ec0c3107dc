import { parse } from 'csv-parse/sync';
import {
  externalInvitationInputSchema,
  type ExternalImportResult,
  type ExternalInvitationInput,
} from '../../../shared/schemas/externals';
import type { Actor } from '../../domain/actor';
import { AppError } from '../../domain/errors';
import { checkInviter, invite } from './invitations';
import type { ExternalsDeps } from './types';

/** At most this many rows per import: each is an email sent. */
export const MAX_IMPORT_ROWS = 500;

type Row = Record<string, string | undefined>;

function parseCsv(csv: string): Row[] {
  try {
    return parse<Row>(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (err) {
    throw new AppError(
      'validation_failed',
      `The CSV could not be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

function rowInput(row: Row): ExternalInvitationInput | string {
  const parsed = externalInvitationInputSchema.safeParse({
    name: row.name ?? '',
    email: row.email ?? '',
    ...(row.company ? { company: row.company } : {}),
  });
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Invites each good row and reports each bad one by its line (the header is line 1). The whole
 * file is refused when it has no name and email columns, more than MAX_IMPORT_ROWS rows, or more
 * rows than the admin's invitations left today.
 */
export async function importCsv(deps: ExternalsDeps, admin: Actor, csv: string): Promise<ExternalImportResult> {
  const rows = parseCsv(csv);
  const first = rows[0];
  if (!first || !('name' in first) || !('email' in first)) {
    throw new AppError('validation_failed', 'The CSV needs a header row with the columns name, email and company');
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('validation_failed', `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${rows.length}`);
  }
  await checkInviter(deps, admin, rows.length);
  const result: ExternalImportResult = { invited: [], errors: [] };
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    const input = rowInput(row);
    if (typeof input === 'string') {
      result.errors.push({ row: line, email: row.email ?? null, message: input });
      continue;
    }
    if (seen.has(input.email.toLowerCase())) {
      result.errors.push({ row: line, email: input.email, message: 'The same email appears on an earlier row' });
      continue;
    }
    seen.add(input.email.toLowerCase());
    try {
      result.invited.push(await invite(deps, admin, input));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.errors.push({ row: line, email: input.email, message: messageOf(err) });
    }
  }
  return result;
}
