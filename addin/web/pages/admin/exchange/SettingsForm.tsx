import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { exchangeEndpoints } from '../../../../../shared/api/exchange';
import type { ExchangeSettings } from '../../../../../shared/schemas/exchange';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { complaint, formProblems, NO_PROBLEMS } from '../apiErrors';
import { formatInstant } from '../format';
import { adminStrings } from '../strings';
import {
  bodyOf,
  draftOf,
  isDirty,
  passwordNeededBecause,
  sendsPasswordInClear,
  type SettingsDraft,
} from './settingsDraft';

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
  pem: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const text = adminStrings.exchange;

const PASSWORD_HINTS = {
  first_time: text.passwordNeeded,
  server_changed: text.passwordAgainServer,
  auth_method_changed: text.passwordAgainMethod,
} as const;

export interface SettingsFormProps {
  readonly initial: ExchangeSettings;
  /** Rendered below the form; told whether the form holds unsaved changes. */
  readonly after?: (dirty: boolean) => ReactNode;
}

export function SettingsForm({ initial, after }: SettingsFormProps) {
  const styles = useStyles();
  const api = useApi();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const { busy: saving, problem, submit, complain } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const [justSaved, setJustSaved] = useState(false);
  const update = (change: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setJustSaved(false);
  };

  const passwordReason = passwordNeededBecause(draft, saved);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (passwordReason !== undefined && draft.password === '') {
      const why = passwordReason === 'first_time' ? text.passwordRequired : PASSWORD_HINTS[passwordReason];
      return complain({ fields: { password: why }, message: undefined });
    }
    void submit(async () => {
      const next = await api.call(exchangeEndpoints.saveExchangeSettings, { body: bodyOf(draft) });
      setSaved(next);
      setDraft(draftOf(next));
      setJustSaved(true);
    });
  };

  const loadPem = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      update({ caBundlePem: await file.text() });
    } catch {
      complain({ fields: { caBundlePem: text.caBundleFileFailed }, message: undefined });
    }
  };

  const fieldCount = Object.keys(problems.fields).length;
  return (
    <>
      <form className={styles.form} aria-label={text.formLabel} onSubmit={save} noValidate>
        {!saved.configured ? (
          <MessageBar intent="info">
            <MessageBarBody>{text.notConfigured}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label={text.ewsUrl} hint={text.ewsUrlHint} required {...complaint(problems, 'ewsUrl')}>
          <Input type="url" value={draft.ewsUrl} onChange={(_e, d) => update({ ewsUrl: d.value })} />
        </Field>
        <Field label={text.username} hint={text.usernameHint} required {...complaint(problems, 'username')}>
          <Input autoComplete="off" value={draft.username} onChange={(_e, d) => update({ username: d.value })} />
        </Field>
        <Field
          label={text.password}
          hint={passwordReason === undefined ? text.passwordStored : PASSWORD_HINTS[passwordReason]}
          required={passwordReason !== undefined}
          {...complaint(problems, 'password')}
        >
          <Input
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(_e, d) => update({ password: d.value })}
          />
        </Field>
        <Field label={text.authMethod} {...complaint(problems, 'authMethod')}>
          <RadioGroup
            value={draft.authMethod}
            onChange={(_e, d) => update({ authMethod: d.value === 'basic' ? 'basic' : 'ntlm' })}
          >
            <Radio value="ntlm" label={text.authNtlm} />
            <Radio value="basic" label={text.authBasic} />
          </RadioGroup>
        </Field>
        <Field label={text.caBundle} hint={text.caBundleHint} {...complaint(problems, 'caBundlePem')}>
          <Textarea
            className={styles.pem}
            resize="vertical"
            rows={4}
            placeholder="-----BEGIN CERTIFICATE-----"
            value={draft.caBundlePem}
            onChange={(_e, d) => update({ caBundlePem: d.value })}
          />
        </Field>
        <Field label={text.caBundleFile}>
          <input type="file" accept=".pem,.crt,.cer,text/plain" onChange={(e) => void loadPem(e)} />
        </Field>
        <Switch
          label={text.skipTls}
          checked={draft.skipTlsVerification}
          onChange={(_e, d) => update({ skipTlsVerification: d.checked })}
        />
        {draft.skipTlsVerification ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{text.skipTlsWarning}</MessageBarBody>
          </MessageBar>
        ) : null}
        {sendsPasswordInClear(draft) ? (
          <>
            <Switch
              label={text.sendPasswordUnencrypted}
              checked={draft.sendPasswordUnencrypted}
              onChange={(_e, d) => update({ sendPasswordUnencrypted: d.checked })}
            />
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{text.clearPasswordWarning}</MessageBarBody>
            </MessageBar>
          </>
        ) : null}
        {problems.message !== undefined || fieldCount > 0 ? (
          <ProblemNote text={problems.message ?? text.fieldsInvalid} />
        ) : null}
        {justSaved ? <SuccessNote text={text.saved} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={saving}>
            {saving ? adminStrings.common.saving : adminStrings.common.save}
          </Button>
          {saved.updatedAt ? <Text size={200}>{text.lastSaved(formatInstant(saved.updatedAt))}</Text> : null}
        </div>
      </form>
      {after?.(isDirty(draft, saved))}
    </>
  );
}
