import type { Knex } from 'knex';
import { IMAGE_CONTENT_TYPES, type ImageContentType } from '../../../domain/files/imageTypes';
import type { FileRepository, StoredFile } from '../../../ports/files';
import { toInstant } from './locationRows';

interface FileRow {
  id: string;
  content_type: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  created_at: unknown;
}

const META_COLUMNS = ['id', 'content_type', 'size_bytes', 'width', 'height', 'sha256', 'created_at'];

function isImageType(value: string): value is ImageContentType {
  return (IMAGE_CONTENT_TYPES as readonly string[]).includes(value);
}

function toStoredFile(row: FileRow): StoredFile {
  if (!isImageType(row.content_type)) throw new Error(`File ${row.id} has an unknown content type ${row.content_type}`);
  return {
    id: row.id,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    createdAt: toInstant(row.created_at) ?? new Date(0),
  };
}

/** pg returns bytea as a Buffer, PGlite as a Uint8Array; callers get a Buffer either way. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('File content is not binary');
}

export function createFileRepository(db: Knex): FileRepository {
  return {
    async create(file) {
      const [row] = await db('files')
        .insert({
          content_type: file.contentType,
          size_bytes: file.content.byteLength,
          width: file.width,
          height: file.height,
          sha256: file.sha256,
          content: file.content,
        })
        .returning<FileRow[]>(META_COLUMNS);
      if (!row) throw new Error('Inserting a file returned no row');
      return toStoredFile(row);
    },
    async findById(id) {
      const row = await db('files').select<FileRow[]>(META_COLUMNS).where({ id }).first();
      return row ? toStoredFile(row) : undefined;
    },
    async findMany(ids) {
      if (ids.length === 0) return [];
      const rows = await db('files')
        .select<FileRow[]>(META_COLUMNS)
        .whereIn('id', [...ids]);
      return rows.map(toStoredFile);
    },
    async readContent(id) {
      const row = await db('files')
        .select([...META_COLUMNS, 'content'])
        .where({ id })
        .first<(FileRow & { content: unknown }) | undefined>();
      return row ? { file: toStoredFile(row), content: toBuffer(row.content) } : undefined;
    },
  };
}
