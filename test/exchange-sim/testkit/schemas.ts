import { describe } from '@jest/globals';
import { defaultSchemaDir, EwsSchemaValidator, schemaDirAvailable } from '../soap/schema';

/**
 * Tests that need the EWS schemas find them in EWS_SCHEMA_DIR or ../shared/schemas/ews. Without
 * them a suite is skipped with a message, except in CI (CI=true), where that is a failure.
 */
export function schemasPresent(): boolean {
  const dir = defaultSchemaDir();
  if (schemaDirAvailable(dir)) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`EWS schemas are required in CI but were not found in ${dir} (set EWS_SCHEMA_DIR).`);
  }
  console.warn(`Skipping EWS schema-dependent tests: no messages.xsd in ${dir} (set EWS_SCHEMA_DIR to run them).`);
  return false;
}

/** `describe`, or `describe.skip` (with a console message) when the schemas are absent outside CI. */
export const describeWithSchemas = schemasPresent() ? describe : describe.skip;

/** Validates many documents with one schema compilation per batch; returns the failures. */
export async function invalidDocuments(
  docs: readonly { operation: string; xml: string }[],
): Promise<{ operation: string; errors: string[]; xml: string }[]> {
  const validator = new EwsSchemaValidator();
  const outcomes = await Promise.all(docs.map((d) => validator.validate(d.xml)));
  return docs
    .map((d, i) => ({ ...d, errors: outcomes[i]?.errors ?? ['no outcome'], valid: outcomes[i]?.valid ?? false }))
    .filter((d) => !d.valid)
    .map(({ operation, errors, xml }) => ({ operation, errors, xml }));
}
