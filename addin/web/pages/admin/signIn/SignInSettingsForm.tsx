import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ssoEndpoints } from '../../../../../shared/api/sso';
import type { RoleMapping, SsoSettings } from '../../../../../shared/schemas/sso';
import { ROLES, type Role } from '../../../../../shared/schemas/users';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { strings } from '../../../strings';
import { complaint, formProblems, NO_PROBLEMS, type FormProblems } from '../apiErrors';
import { bodyOf, draftOf, type SignInDraft } from './signInDraft';
import { signInStrings as text } from './strings';

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
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'minmax(80px, 1fr) minmax(120px, 2fr) minmax(120px, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  redirect: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  metadata: { fontFamily: tokens.fontFamilyMonospace, minHeight: '120px' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The role's name as the rest of the app shows it; a role added later shows its id until it has one. */
export const roleLabel = (role: Role): string => (strings.userMenu.role as Partial<Record<Role, string>>)[role] ?? role;

function MappingRow(props: {
  readonly index: number;
  readonly mapping: RoleMapping;
  readonly onChange: (mapping: RoleMapping) => void;
  readonly onRemove: () => void;
}) {
  const styles = useStyles();
  const { index, mapping, onChange, onRemove } = props;
  return (
    <div className={styles.mapping}>
      <Field label={text.claim}>
        <Input value={mapping.claim} onChange={(_e, d) => onChange({ ...mapping, claim: d.value })} />
      </Field>
      <Field label={text.value}>
        <Input value={mapping.value} onChange={(_e, d) => onChange({ ...mapping, value: d.value })} />
      </Field>
      <Field label={text.role}>
        <Select value={mapping.role} onChange={(_e, d) => onChange({ ...mapping, role: d.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </Select>
      </Field>
      <Button icon={<DeleteRegular />} aria-label={text.removeMapping(index + 1)} onClick={onRemove} />
    </div>
  );
}

/** SAML: the IdP's metadata in, and what the IdP needs to know about Roomserve shown. */
function SamlFields(props: {
  readonly draft: SignInDraft;
  readonly saved: SsoSettings;
  readonly problems: FormProblems;
  readonly update: (change: Partial<SignInDraft>) => void;
}) {
  const styles = useStyles();
  const { draft, saved, problems, update } = props;
  return (
    <>
      <Field label={text.metadataSource}>
        <RadioGroup
          layout="horizontal"
          value={draft.metadataSource}
          onChange={(_e, d) => update({ metadataSource: d.value === 'url' ? 'url' : 'xml' })}
        >
          <Radio value="xml" label={text.metadataSourceXml} />
          <Radio value="url" label={text.metadataSourceUrl} />
        </RadioGroup>
      </Field>
      {draft.metadataSource === 'xml' ? (
        <Field
          label={text.metadataXml}
          hint={text.metadataXmlHint}
          required
          {...complaint(problems, 'saml.idpMetadataXml')}
          {...complaint(problems, 'saml')}
        >
          <Textarea
            className={styles.metadata}
            value={draft.metadataXml}
            onChange={(_e, d) => update({ metadataXml: d.value })}
          />
        </Field>
      ) : (
        <Field
          label={text.metadataUrl}
          hint={text.metadataUrlHint}
          required
          {...complaint(problems, 'saml.idpMetadataUrl')}
          {...complaint(problems, 'saml')}
        >
          <Input type="url" value={draft.metadataUrl} onChange={(_e, d) => update({ metadataUrl: d.value })} />
        </Field>
      )}
      <Field label={text.clockSkew} hint={text.clockSkewHint}>
        <Input
          type="number"
          min={0}
          max={600}
          value={draft.clockSkewSeconds}
          onChange={(_e, d) => update({ clockSkewSeconds: d.value })}
        />
      </Field>
      {saved.saml.idpEntityId !== null ? (
        <Field label={text.idpEntityId}>
          <Text className={styles.redirect}>{saved.saml.idpEntityId}</Text>
        </Field>
      ) : null}
      <Field label={text.spEntityId}>
        <Text className={styles.redirect}>{saved.saml.spEntityId}</Text>
      </Field>
      <Field label={text.acsUrl}>
        <Text className={styles.redirect}>{saved.saml.acsUrl}</Text>
      </Field>
      <Field label={text.spMetadata}>
        <Link href={saved.saml.spMetadataUrl} target="_blank" rel="noreferrer">
          {saved.saml.spMetadataUrl}
        </Link>
      </Field>
    </>
  );
}

export interface SignInSettingsFormProps {
  readonly initial: SsoSettings;
  /** Below the form; told whether the form holds unsaved changes and whether anything is saved. */
  readonly after: (dirty: boolean, configured: boolean) => ReactNode;
}

export function SignInSettingsForm({ initial, after }: SignInSettingsFormProps) {
  const styles = useStyles();
  const api = useApi();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SignInDraft>(() => draftOf(initial));
  const [dirty, setDirty] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const { busy, problem, submit } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const update = (change: Partial<SignInDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setDirty(true);
    setJustSaved(false);
  };
  const setMapping = (index: number, mapping: RoleMapping | undefined) =>
    update({
      roleMappings: draft.roleMappings.flatMap((m, i) => (i !== index ? [m] : mapping ? [mapping] : [])),
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const next = await api.call(ssoEndpoints.saveSsoSettings, { body: bodyOf(draft) });
      setSaved(next);
      setDraft(draftOf(next));
      setDirty(false);
      setJustSaved(true);
    });
  };

  return (
    <>
      <form className={styles.form} aria-label={text.formLabel} onSubmit={save} noValidate>
        {!saved.configured ? (
          <MessageBar intent="info">
            <MessageBarBody>{text.notConfigured}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Switch label={text.enabled} checked={draft.enabled} onChange={(_e, d) => update({ enabled: d.checked })} />
        <Field label={text.displayName} hint={text.displayNameHint} required {...complaint(problems, 'displayName')}>
          <Input value={draft.displayName} onChange={(_e, d) => update({ displayName: d.value })} />
        </Field>
        <Field label={text.protocol}>
          <RadioGroup
            layout="horizontal"
            value={draft.protocol}
            onChange={(_e, d) => update({ protocol: d.value === 'saml' ? 'saml' : 'oidc' })}
          >
            <Radio value="oidc" label={text.protocolOidc} />
            <Radio value="saml" label={text.protocolSaml} />
          </RadioGroup>
        </Field>
        {draft.protocol === 'oidc' ? (
          <>
            <Field label={text.issuerUrl} hint={text.issuerUrlHint} required {...complaint(problems, 'issuerUrl')}>
              <Input type="url" value={draft.issuerUrl} onChange={(_e, d) => update({ issuerUrl: d.value })} />
            </Field>
            <Field label={text.clientId} required {...complaint(problems, 'clientId')}>
              <Input autoComplete="off" value={draft.clientId} onChange={(_e, d) => update({ clientId: d.value })} />
            </Field>
            <Field
              label={text.clientSecret}
              hint={saved.clientSecretSet ? text.clientSecretStored : text.clientSecretNone}
              {...complaint(problems, 'clientSecret')}
            >
              <Input
                type="password"
                autoComplete="new-password"
                value={draft.clientSecret}
                onChange={(_e, d) => update({ clientSecret: d.value })}
              />
            </Field>
            <Field label={text.scopes} hint={text.scopesHint} {...complaint(problems, 'scopes')}>
              <Input value={draft.scopes} onChange={(_e, d) => update({ scopes: d.value })} />
            </Field>
          </>
        ) : (
          <SamlFields draft={draft} saved={saved} problems={problems} update={update} />
        )}
        <Field label={text.userClaim} hint={text.userClaimHint}>
          <RadioGroup
            layout="horizontal"
            value={draft.userClaim}
            onChange={(_e, d) => update({ userClaim: d.value === 'email' ? 'email' : 'upn' })}
          >
            <Radio value="upn" label={text.userClaimUpn} />
            <Radio value="email" label={text.userClaimEmail} />
          </RadioGroup>
        </Field>
        <Field label={text.mappings} hint={text.mappingsHint} {...complaint(problems, 'roleMappings')}>
          <div>
            {draft.roleMappings.map((mapping, index) => (
              <MappingRow
                key={index}
                index={index}
                mapping={mapping}
                onChange={(m) => setMapping(index, m)}
                onRemove={() => setMapping(index, undefined)}
              />
            ))}
          </div>
        </Field>
        <div>
          <Button
            onClick={() =>
              update({ roleMappings: [...draft.roleMappings, { claim: 'group', value: '', role: 'admin' }] })
            }
          >
            {text.addMapping}
          </Button>
        </div>
        <Switch
          label={text.passwordSignIn}
          checked={draft.passwordSignIn}
          onChange={(_e, d) => update({ passwordSignIn: d.checked })}
        />
        <Text size={200}>{text.passwordSignInHint}</Text>
        <Field label={text.breakGlassEmail} hint={text.breakGlassHint} {...complaint(problems, 'breakGlassEmail')}>
          <Input
            type="email"
            value={draft.breakGlassEmail}
            onChange={(_e, d) => update({ breakGlassEmail: d.value })}
          />
        </Field>
        {draft.protocol === 'oidc' ? (
          <Field label={text.redirectUri}>
            <Text className={styles.redirect}>{saved.redirectUri}</Text>
          </Field>
        ) : null}
        {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? text.saving : text.save}
          </Button>
          {justSaved ? <SuccessNote text={text.saved} /> : null}
        </div>
      </form>
      {after(dirty, saved.configured)}
    </>
  );
}
