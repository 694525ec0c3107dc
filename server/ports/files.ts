import type { ImageContentType } from '../domain/files/imageTypes';

export interface StoredFile {
  readonly id: string;
  readonly contentType: ImageContentType;
  readonly sizeBytes: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly sha256: string;
  readonly createdAt: Date;
}

export interface NewFile {
  readonly contentType: ImageContentType;
  readonly content: Buffer;
  readonly sha256: string;
  readonly width: number | null;
  readonly height: number | null;
}

export interface FileRepository {
  create(file: NewFile): Promise<StoredFile>;
  findById(id: string): Promise<StoredFile | undefined>;
  /** The files among `ids` that exist, in no particular order. */
  findMany(ids: readonly string[]): Promise<StoredFile[]>;
  readContent(id: string): Promise<{ readonly file: StoredFile; readonly content: Buffer } | undefined>;
}
