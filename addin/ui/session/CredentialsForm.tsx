import { Button, Field, Input, Subtitle2, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useSubmit } from '../hooks/useSubmit';
import { ProblemNote } from '../StatusViews';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

export interface CredentialsTexts {
  readonly title: string;
  readonly email: string;
  readonly password: string;
  readonly submit: string;
  readonly submitting: string;
  readonly missingFields: string;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

export interface CredentialsFormProps {
  readonly texts: CredentialsTexts;
  /** 1: the page's own heading (sign-in page); 2: a section of a larger view (the add-in's link). */
  readonly level: 1 | 2;
  readonly intro: string;
  /** Signs in with the trimmed email; rejects with what `problemOf` puts into words. */
  readonly send: (credentials: Credentials) => Promise<void>;
  readonly problemOf: (error: unknown) => string;
  readonly footer?: ReactNode;
  /** Shown before the fields: the sign-in page's "Sign in with <provider>". */
  readonly lead?: ReactNode;
}

/** Email and password of a Roomserve account, as the sign-in page and the add-in's one-time link ask for them. */
export function CredentialsForm({ texts, level, intro, send, problemOf, footer, lead }: CredentialsFormProps) {
  const styles = useStyles();
  const titleId = useId();
  const [value, setValue] = useState<Credentials>({ email: '', password: '' });
  const { busy, problem, submit, complain } = useSubmit(problemOf);
  const Heading = level === 1 ? Title2 : Subtitle2;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const email = value.email.trim();
    if (!email || !value.password) return complain(texts.missingFields);
    void submit(() => send({ email, password: value.password }));
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <Heading as={level === 1 ? 'h1' : 'h2'} id={titleId}>
        {texts.title}
      </Heading>
      <Text>{intro}</Text>
      {lead}
      {problem ? <ProblemNote text={problem} /> : null}
      <Field label={texts.email} required>
        <Input
          type="email"
          autoComplete="username"
          value={value.email}
          onChange={(_e, data) => setValue({ ...value, email: data.value })}
        />
      </Field>
      <Field label={texts.password} required>
        <Input
          type="password"
          autoComplete="current-password"
          value={value.password}
          onChange={(_e, data) => setValue({ ...value, password: data.value })}
        />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy}>
        {busy ? texts.submitting : texts.submit}
      </Button>
      {footer}
    </form>
  );
}
