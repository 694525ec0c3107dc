import { Field, Input } from '@fluentui/react-components';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** Email and password of a Roomserve account, as the sign-in page and the add-in's one-time link ask for them. */
export function CredentialFields({
  labels,
  value,
  onChange,
}: {
  labels: { readonly email: string; readonly password: string };
  value: Credentials;
  onChange: (next: Credentials) => void;
}) {
  return (
    <>
      <Field label={labels.email} required>
        <Input
          type="email"
          autoComplete="username"
          value={value.email}
          onChange={(_e, data) => onChange({ ...value, email: data.value })}
        />
      </Field>
      <Field label={labels.password} required>
        <Input
          type="password"
          autoComplete="current-password"
          value={value.password}
          onChange={(_e, data) => onChange({ ...value, password: data.value })}
        />
      </Field>
    </>
  );
}
