import { Field, Input, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { BookingDraft, DraftProblems } from './bookingDraft';
import { bookingStrings as s } from './strings';
import { TimeFields } from './TimeFields';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The fields of a new booking; the dialog owns the draft and the submit. */
export function BookingForm({
  draft,
  problems,
  disabled,
  onChange,
}: {
  draft: BookingDraft;
  problems: DraftProblems;
  disabled: boolean;
  onChange: (change: Partial<BookingDraft>) => void;
}) {
  const styles = useStyles();
  const state = (problem: string | undefined) => (problem === undefined ? undefined : 'error');
  return (
    <div className={styles.fields}>
      <Field label={s.subject} required validationState={state(problems.subject)} validationMessage={problems.subject}>
        <Input value={draft.subject} disabled={disabled} onChange={(_e, d) => onChange({ subject: d.value })} />
      </Field>
      <TimeFields value={draft} problem={problems.time} disabled={disabled} onChange={onChange} />
      <Field
        label={s.attendees}
        hint={s.attendeesHint}
        validationState={state(problems.attendees)}
        validationMessage={problems.attendees}
      >
        <Input
          type="text"
          inputMode="email"
          value={draft.attendees}
          disabled={disabled}
          onChange={(_e, d) => onChange({ attendees: d.value })}
        />
      </Field>
      <Field label={s.description}>
        <Textarea
          value={draft.description}
          disabled={disabled}
          resize="vertical"
          onChange={(_e, d) => onChange({ description: d.value })}
        />
      </Field>
      <Switch
        label={s.private}
        checked={draft.private}
        disabled={disabled}
        onChange={(_e, d) => onChange({ private: d.checked })}
      />
      <Field
        label={s.onlineMeetingUrl}
        hint={s.onlineMeetingUrlHint}
        validationState={state(problems.onlineMeetingUrl)}
        validationMessage={problems.onlineMeetingUrl}
      >
        <Input
          type="url"
          value={draft.onlineMeetingUrl}
          disabled={disabled}
          onChange={(_e, d) => onChange({ onlineMeetingUrl: d.value })}
        />
      </Field>
    </div>
  );
}
