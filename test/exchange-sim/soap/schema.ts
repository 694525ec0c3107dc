import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/**
 * EWS schema validation with xmllint-wasm. Each xmllint run compiles messages.xsd (~0.3 s), so
 * documents that arrive while a run is busy are validated together in the next run: the schema
 * is compiled once per batch instead of once per request.
 */

export function defaultSchemaDir(): string {
  const fromEnv = process.env.EWS_SCHEMA_DIR;
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  // test/exchange-sim/soap -> repository root -> ../shared/schemas/ews
  return path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'schemas', 'ews');
}

export function schemaDirAvailable(dir = defaultSchemaDir()): boolean {
  return existsSync(path.join(dir, 'messages.xsd')) && existsSync(path.join(dir, 'types.xsd'));
}

export interface ValidationOutcome {
  valid: boolean;
  errors: string[];
}

interface Pending {
  fileName: string;
  xml: string;
  resolve: (o: ValidationOutcome) => void;
  reject: (e: unknown) => void;
}

export class EwsSchemaValidator {
  private readonly schema: XMLFileInfo;
  private readonly preload: XMLFileInfo[];
  private queue: Pending[] = [];
  private running: Promise<void> | undefined;
  private counter = 0;

  constructor(readonly dir: string = defaultSchemaDir()) {
    const read = (name: string): XMLFileInfo => ({
      fileName: name,
      contents: readFileSync(path.join(dir, name), 'utf8'),
    });
    this.schema = read('messages.xsd');
    this.preload = [read('types.xsd')];
    if (existsSync(path.join(dir, 'xml.xsd'))) this.preload.push(read('xml.xsd'));
  }

  /** Validates one standalone element document (an EWS request or response body element). */
  validate(xml: string): Promise<ValidationOutcome> {
    return new Promise((resolve, reject) => {
      this.counter += 1;
      this.queue.push({ fileName: `doc${this.counter}.xml`, xml, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.running) return;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    this.running = this.runBatch(batch).finally(() => {
      this.running = undefined;
      this.kick();
    });
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    try {
      const result = await validateXML({
        xml: batch.map((p) => ({ fileName: p.fileName, contents: p.xml })),
        schema: this.schema,
        preload: this.preload,
        maxMemoryPages: 4096,
      });
      const byFile = new Map<string, string[]>();
      for (const err of result.errors) {
        const file = err.loc?.fileName ?? /^(doc\d+\.xml)/.exec(err.rawMessage)?.[1];
        if (!file) continue;
        const list = byFile.get(file) ?? [];
        if (!/fails to validate$/.test(err.rawMessage.trim())) list.push(err.message);
        byFile.set(file, list);
      }
      const failedFiles = new Set(
        result.rawOutput
          .split('\n')
          .map((l) => /^(doc\d+\.xml) fails to validate/.exec(l.trim())?.[1])
          .filter((f): f is string => f !== undefined),
      );
      for (const p of batch) {
        const errors = byFile.get(p.fileName) ?? [];
        const valid = !failedFiles.has(p.fileName) && errors.length === 0;
        p.resolve({ valid, errors: valid ? [] : errors.length > 0 ? errors : ['document fails to validate'] });
      }
    } catch (err) {
      // One malformed document makes xmllint fail the whole run: retry the batch one by one.
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      for (const p of batch) await this.runBatch([p]);
    }
  }
}
