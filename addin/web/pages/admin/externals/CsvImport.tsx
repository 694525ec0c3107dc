import { Button, Field, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { externalsEndpoints } from '../../../../../shared/api/externals';
import type { ExternalImportResult } from '../../../../../shared/schemas/externals';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { adminErrorText } from '../apiErrors';
import { externalsStrings as text } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Bulk invitations: the file is read in the browser and sent as text; each refused row is listed. */
export function CsvImport({ onImported }: { onImported: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<ExternalImportResult>();
  const { busy, problem, submit, complain } = useSubmit(adminErrorText);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return complain(text.import.noFile);
    setResult(undefined);
    void submit(async () => {
      const csv = await file.text();
      setResult(await api.call(externalsEndpoints.importCsv, { body: { csv } }));
      onImported();
    });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="import-title">
      <Subtitle2 as="h2" id="import-title">
        {text.import.title}
      </Subtitle2>
      <Text>{text.import.hint}</Text>
      <div className={styles.row}>
        <Field label={text.import.file}>
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? text.import.submitting : text.import.submit}
        </Button>
      </div>
      {problem !== undefined ? <ProblemNote text={problem} /> : null}
      {result ? (
        <>
          <SuccessNote text={text.import.result(result.invited.length, result.errors.length)} />
          {result.errors.length > 0 ? (
            <ul className={styles.errors} aria-label={text.import.errorsLabel}>
              {result.errors.map((e) => (
                <li key={e.row}>{text.import.rowError(e.row, e.email, e.message)}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </form>
  );
}
