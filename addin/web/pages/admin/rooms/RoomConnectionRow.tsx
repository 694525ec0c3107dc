import { Button, Field, Input, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { locationsEndpoints } from '../../../../../shared/api/locations';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import { useApi } from '../../../../ui/hooks/useApi';
import { LABEL_ABOVE, NARROW_SCREEN } from '../../../components/stackedTable';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { formProblems } from '../apiErrors';
import { ConnectionState } from '../ConnectionState';
import { adminStrings } from '../strings';
import { useLiveConnection } from '../useLiveConnection';

const useStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  // The field gives way before the Save button does: the button must stay in sight.
  field: { flexGrow: 1, minWidth: '220px', [NARROW_SCREEN]: { minWidth: 0 } },
  save: { flexShrink: 0 },
});

const text = adminStrings.rooms;

/** The server's complaint about the email, else the first it has. */
function emailProblem(error: unknown): string | undefined {
  const problems = formProblems(error);
  return problems.fields.exchangeEmail ?? problems.message ?? Object.values(problems.fields)[0];
}

/**
 * One room: its Exchange email edited in place. Saving PATCHes the room; the server checks the
 * mailbox, and the state cell follows it (polling while it says verifying).
 */
export function RoomConnectionRow({ room }: { room: RoomSearchResult }) {
  const styles = useStyles();
  const api = useApi();
  const [saved, setSaved] = useState(room.exchange);
  const [email, setEmail] = useState(room.exchange.email ?? '');
  const { busy: saving, problem, submit } = useSubmit(emailProblem);
  const connection = useLiveConnection(room.id, saved);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    void submit(async () => {
      const updated = await api.call(locationsEndpoints.updateRoom, {
        params: { id: room.id },
        body: { exchangeEmail: trimmed === '' ? null : trimmed },
      });
      setSaved(updated.exchange);
      setEmail(updated.exchange.email ?? '');
    });
  };

  return (
    <TableRow>
      <TableCell>
        <Text weight="semibold">{room.name}</Text>
      </TableCell>
      <TableCell data-label={text.email} {...LABEL_ABOVE}>
        <form className={styles.form} onSubmit={save} noValidate>
          <Field
            className={styles.field}
            {...(problem === undefined ? {} : { validationState: 'error' as const, validationMessage: problem })}
          >
            <Input
              type="email"
              aria-label={text.emailFor(room.name)}
              placeholder="room@example.com"
              value={email}
              onChange={(_e, d) => setEmail(d.value)}
            />
          </Field>
          <Button type="submit" className={styles.save} aria-label={text.saveFor(room.name)} disabled={saving}>
            {adminStrings.common.save}
          </Button>
        </form>
      </TableCell>
      <TableCell data-label={text.state}>
        <ConnectionState connection={connection} busy={saving} />
      </TableCell>
    </TableRow>
  );
}
