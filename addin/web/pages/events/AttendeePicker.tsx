import { Button, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { eventsEndpoints } from '../../../../shared/api/events';
import type { AttendeeType } from '../../../../shared/schemas/events';
import { useApi } from '../../../ui/hooks/useApi';
import { eventStrings as s } from './strings';

export interface PickedAttendee {
  readonly email: string;
  readonly name: string;
  readonly type: AttendeeType;
}

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Typing pauses this long before the directory is asked. */
const DEBOUNCE_MS = 200;

/** Search-as-you-type over Exchange's directory; a whole address (a guest) is added as typed. */
export function AttendeePicker({
  value,
  onChange,
}: {
  value: readonly PickedAttendee[];
  onChange: (next: PickedAttendee[]) => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<{ name: string; email: string }[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .call(eventsEndpoints.searchPeople, { query: { q }, signal: controller.signal })
        .then((found) => setMatches(found.items))
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query]);

  const add = (person: { name: string; email: string }) => {
    const email = person.email.toLowerCase();
    if (!value.some((a) => a.email === email)) onChange([...value, { email, name: person.name, type: 'required' }]);
    setQuery('');
    setMatches([]);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const typed = query.trim();
    if (EMAIL.test(typed)) add({ name: typed, email: typed });
    else if (matches[0]) add(matches[0]);
  };

  const shown = query.trim().length >= 2 ? matches : [];
  return (
    // Only the search box sits in the Field: Fluent gives every control inside a Field the field's label.
    <div className={styles.picker}>
      <Field label={s.form.attendees} hint={s.form.attendeesHint}>
        <Input value={query} onChange={(_e, d) => setQuery(d.value)} onKeyDown={onKey} />
      </Field>
      {shown.length > 0 ? (
        <ul className={styles.list} aria-label={s.form.suggestions}>
          {shown.map((p) => (
            <li key={p.email}>
              <Button appearance="subtle" onClick={() => add(p)}>
                {s.form.add(`${p.name} <${p.email}>`)}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {value.length > 0 ? (
        <ul className={styles.list} aria-label={s.form.attendees}>
          {value.map((a) => (
            <li key={a.email} className={styles.row}>
              <span>{a.name === a.email ? a.email : `${a.name} <${a.email}>`}</span>
              <Switch
                label={s.form.optional}
                checked={a.type === 'optional'}
                onChange={(_e, d) =>
                  onChange(
                    value.map((x) => (x.email === a.email ? { ...x, type: d.checked ? 'optional' : 'required' } : x)),
                  )
                }
              />
              <Button
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={s.form.remove(a.email)}
                onClick={() => onChange(value.filter((x) => x.email !== a.email))}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
