import { Field, Input, Select, Switch } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { catalogEndpoints } from '../../../../shared/api/catalog';
import { PROVIDER_KINDS, type Provider, type ProviderKind } from '../../../../shared/schemas/catalog';
import type { Building } from '../../../../shared/schemas/locations';
import { useApi } from '../../../ui/hooks/useApi';
import { useSubmit } from '../../../ui/hooks/useSubmit';
import { CheckboxGroup } from './CheckboxGroup';
import { providerBodyOf, providerDraftOf, type ProviderDraft } from './drafts';
import { complaint, formProblems, NO_PROBLEMS } from '../admin/apiErrors';
import { catalogStrings as text } from './strings';
import { WeekHoursField } from './WeekHoursField';
import { CatalogFormDialog } from './CatalogFormDialog';

export interface ProviderDialogProps {
  /** The provider to edit; undefined creates one. */
  readonly provider: Provider | undefined;
  readonly buildings: readonly Building[];
  /** Only admins choose where webhooks go (the server refuses others). */
  readonly webhookEditable: boolean;
  readonly onSaved: (provider: Provider) => void;
  readonly onClose: () => void;
}

export function ProviderDialog({ provider, buildings, webhookEditable, onSaved, onClose }: ProviderDialogProps) {
  const api = useApi();
  const [draft, setDraft] = useState<ProviderDraft>(() => providerDraftOf(provider));
  const { busy: saving, problem, submit, complain } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const update = (change: Partial<ProviderDraft>) => setDraft((d) => ({ ...d, ...change }));
  const toggleBuilding = (id: string, on: boolean) =>
    update({ buildingIds: on ? [...draft.buildingIds, id] : draft.buildingIds.filter((b) => b !== id) });

  const save = (event: FormEvent) => {
    event.preventDefault();
    const checked = providerBodyOf(draft);
    if (!checked.ok) return complain({ fields: checked.fields, message: text.fieldsInvalid });
    void submit(async () => {
      const saved = provider
        ? await api.call(catalogEndpoints.updateProvider, { params: { id: provider.id }, body: checked.body })
        : await api.call(catalogEndpoints.createProvider, { body: checked.body });
      onSaved(saved);
    });
  };

  const title = provider ? text.providers.editTitle(provider.name) : text.providers.createTitle;
  return (
    <CatalogFormDialog title={title} problem={problems.message} saving={saving} onSubmit={save} onClose={onClose}>
      <Field label={text.providers.name} required {...complaint(problems, 'name')}>
        <Input value={draft.name} onChange={(_e, d) => update({ name: d.value })} />
      </Field>
      <Field label={text.providers.kind} {...complaint(problems, 'kind')}>
        <Select value={draft.kind} onChange={(_e, d) => update({ kind: d.value as ProviderKind })}>
          {PROVIDER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {text.kinds[kind]}
            </option>
          ))}
        </Select>
      </Field>
      <CheckboxGroup
        legend={text.providers.buildings}
        options={buildings.map((b) => b.id)}
        labelOf={(id) => buildings.find((b) => b.id === id)?.name ?? id}
        chosen={draft.buildingIds}
        onToggle={toggleBuilding}
        problem={problems.fields.buildingIds}
      />
      <Field label={text.providers.contactEmail} required {...complaint(problems, 'contactEmail')}>
        <Input type="email" value={draft.contactEmail} onChange={(_e, d) => update({ contactEmail: d.value })} />
      </Field>
      {webhookEditable ? (
        <Field
          label={text.providers.webhookUrl}
          hint={text.providers.webhookUrlHint}
          {...complaint(problems, 'webhookUrl')}
        >
          <Input type="url" value={draft.webhookUrl} onChange={(_e, d) => update({ webhookUrl: d.value })} />
        </Field>
      ) : null}
      {webhookEditable && draft.webhookUrl.trim() !== '' ? (
        <Field
          label={text.providers.webhookSecret}
          hint={provider?.webhookSecretSet ? text.providers.webhookSecretStored : text.providers.webhookSecretNew}
          {...complaint(problems, 'webhookSecret')}
        >
          <Input
            type="password"
            autoComplete="new-password"
            value={draft.webhookSecret}
            onChange={(_e, d) => update({ webhookSecret: d.value })}
          />
        </Field>
      ) : null}
      <WeekHoursField
        label={text.providers.workingHours}
        hint={text.providers.workingHoursHint}
        value={draft.workingHours}
        onChange={(workingHours) => update({ workingHours })}
        problem={problems.fields.workingHours}
      />
      <Switch label={text.active} checked={draft.active} onChange={(_e, d) => update({ active: d.checked })} />
    </CatalogFormDialog>
  );
}
