import { Button, Field, Input, Radio, RadioGroup, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { bookingsEndpoints } from '../../../../../shared/api/bookings';
import type { BookingMode, BookingSettings } from '../../../../../shared/schemas/bookings';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote, WarningNote } from '../../../../ui/StatusViews';
import { AdminSettingsPage } from '../AdminSettingsPage';
import { complaint, formProblems, NO_PROBLEMS } from '../apiErrors';
import { PrivacySettingsSection } from './PrivacySettingsForm';
import { installationStrings as text } from './strings';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Route `/admin/installation`: read-only mode, the booking mode, the booking mailbox, and who sees who booked. */
export function InstallationSettingsPage() {
  const api = useApi();
  return (
    <AdminSettingsPage
      title={text.title}
      intro={text.intro}
      load={{ key: 'booking-settings', fetch: (signal) => api.call(bookingsEndpoints.getBookingSettings, { signal }) }}
    >
      {(current) => (
        <>
          <SettingsForm initial={current} />
          <PrivacySettingsSection />
        </>
      )}
    </AdminSettingsPage>
  );
}

function SettingsForm({ initial }: { initial: BookingSettings }) {
  const styles = useStyles();
  const api = useApi();
  const [saved, setSaved] = useState(initial);
  const [readOnly, setReadOnly] = useState(initial.readOnly);
  const [mailbox, setMailbox] = useState(initial.bookingMailbox ?? '');
  const [mode, setMode] = useState<BookingMode>(initial.mode);
  const [justSaved, setJustSaved] = useState(false);
  const { busy, problem, submit } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;

  const save = (event: FormEvent) => {
    event.preventDefault();
    setJustSaved(false);
    void submit(async () => {
      const trimmed = mailbox.trim();
      const next = await api.call(bookingsEndpoints.saveBookingSettings, {
        body: { readOnly, bookingMailbox: trimmed === '' ? null : trimmed, mode },
      });
      setSaved(next);
      setMailbox(next.bookingMailbox ?? '');
      setJustSaved(true);
    });
  };

  const fieldCount = Object.keys(problems.fields).length;
  return (
    <form className={styles.form} aria-label={text.formLabel} onSubmit={save} noValidate>
      {saved.readOnly ? <WarningNote text={text.readOnlyOnWarning} /> : null}
      <Field hint={text.readOnlyHint} {...complaint(problems, 'readOnly')}>
        <Switch label={text.readOnly} checked={readOnly} onChange={(_e, d) => setReadOnly(d.checked)} />
      </Field>
      <Field label={text.bookingMode} hint={text.bookingModeHint} {...complaint(problems, 'mode')}>
        <RadioGroup value={mode} onChange={(_e, d) => setMode(d.value === 'events' ? 'events' : 'simple')}>
          <Radio value="simple" label={text.modeSimple} />
          <Radio value="events" label={text.modeEvents} />
        </RadioGroup>
      </Field>
      <Field label={text.bookingMailbox} hint={text.bookingMailboxHint} {...complaint(problems, 'bookingMailbox')}>
        <Input type="email" value={mailbox} onChange={(_e, d) => setMailbox(d.value)} />
      </Field>
      {problems.message !== undefined || fieldCount > 0 ? (
        <ProblemNote text={problems.message ?? text.fieldsInvalid} />
      ) : null}
      {justSaved ? <SuccessNote text={text.saved} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? text.saving : text.save}
        </Button>
      </div>
    </form>
  );
}
