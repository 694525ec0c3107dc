import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote } from '../../../../ui/StatusViews';
import { formProblems, NO_PROBLEMS } from '../apiErrors';
import { adminStrings } from '../strings';

export type FieldValue = string | boolean;
export type FieldValues = Readonly<Record<string, FieldValue>>;

export interface FieldSpec {
  /** The API's field name, so that its validation messages land on the right input. */
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'email' | 'number' | 'textarea' | 'switch';
  readonly hint?: string;
  readonly required?: boolean;
}

export interface EditDialogProps {
  readonly title: string;
  /** The button that opens the dialog. */
  readonly trigger: ReactElement;
  readonly fields: readonly FieldSpec[];
  readonly initial: FieldValues;
  /** Saves; a rejection with the API's validation details is shown per field. */
  readonly onSave: (values: FieldValues) => Promise<void>;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A small create/edit form in a dialog: one input per field, the server's complaints per field. */
export function EditDialog({ title, trigger, fields, initial, onSave }: EditDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <EditForm
          title={title}
          fields={fields}
          initial={initial}
          onSave={async (values) => {
            await onSave(values);
            setOpen(false);
          }}
        />
      </DialogSurface>
    </Dialog>
  );
}

function EditForm({ title, fields, initial, onSave }: Omit<EditDialogProps, 'trigger'>) {
  const styles = useStyles();
  const [values, setValues] = useState<FieldValues>(initial);
  const { busy: saving, problem, submit, complain } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const set = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const missing = fields.filter((f) => f.required && String(values[f.name] ?? '').trim() === '');
    if (missing.length > 0) {
      return complain({
        fields: Object.fromEntries(missing.map((f) => [f.name, adminStrings.locations.required])),
        message: undefined,
      });
    }
    void submit(() => onSave(values));
  };

  const unclaimed = Object.entries(problems.fields).filter(([name]) => !fields.some((f) => f.name === name));
  const message = problems.message ?? (unclaimed.length > 0 ? unclaimed.map(([, m]) => m).join(' ') : undefined);
  return (
    <form onSubmit={save} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.content}>
          {fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              value={values[field.name] ?? (field.kind === 'switch' ? false : '')}
              problem={problems.fields[field.name]}
              onChange={(value) => set(field.name, value)}
            />
          ))}
          {message !== undefined ? <ProblemNote text={message} /> : null}
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button>{adminStrings.common.cancel}</Button>
          </DialogTrigger>
          <Button type="submit" appearance="primary" disabled={saving}>
            {saving ? adminStrings.common.saving : adminStrings.common.save}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}

function FieldInput({
  field,
  value,
  problem,
  onChange,
}: {
  field: FieldSpec;
  value: FieldValue;
  problem: string | undefined;
  onChange: (value: FieldValue) => void;
}) {
  if (field.kind === 'switch') {
    return <Switch label={field.label} checked={value === true} onChange={(_e, d) => onChange(d.checked)} />;
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <Field
      label={field.label}
      hint={field.hint}
      required={field.required}
      {...(problem === undefined ? {} : { validationState: 'error' as const, validationMessage: problem })}
    >
      {field.kind === 'textarea' ? (
        <Textarea value={text} resize="vertical" onChange={(_e, d) => onChange(d.value)} />
      ) : (
        <Input type={field.kind} value={text} onChange={(_e, d) => onChange(d.value)} />
      )}
    </Field>
  );
}
