import { Button, Field, Input, Select, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { catalogEndpoints } from '../../../../shared/api/catalog';
import { filesEndpoints } from '../../../../shared/api/files';
import { describeError } from '../../../ui/errors';
import {
  ALLERGENS,
  DIETARY_LABELS,
  ITEM_CATEGORIES,
  ITEM_UNITS,
  type Item,
  type ItemCategory,
  type ItemUnit,
  type Provider,
} from '../../../../shared/schemas/catalog';
import { useApi } from '../../../ui/hooks/useApi';
import { useSubmit } from '../../../ui/hooks/useSubmit';
import { CheckboxGroup } from './CheckboxGroup';
import { itemBodyOf, itemDraftOf, toggled, type ItemDraft } from './drafts';
import { complaint, formProblems, NO_PROBLEMS } from '../admin/apiErrors';
import { catalogStrings as text } from './strings';
import { WeekHoursField } from './WeekHoursField';
import { CatalogFormDialog } from './CatalogFormDialog';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  image: { maxWidth: '120px', maxHeight: '80px', borderRadius: tokens.borderRadiusMedium },
});

export interface ItemDialogProps {
  /** The item to edit; undefined creates one for `providerId`. */
  readonly item: Item | undefined;
  readonly providerId: string;
  readonly providers: readonly Provider[];
  readonly onSaved: (item: Item) => void;
  readonly onClose: () => void;
}

export function ItemDialog({ item, providerId, providers, onSaved, onClose }: ItemDialogProps) {
  const styles = useStyles();
  const api = useApi();
  const [draft, setDraft] = useState<ItemDraft>(() => itemDraftOf(item, providerId));
  const { busy: saving, problem, submit, complain } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const [picture, setPicture] = useState<{ url: string | null; uploading: boolean; error: string | null }>({
    url: item?.imageUrl ?? null,
    uploading: false,
    error: null,
  });
  const update = (change: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...change }));

  const uploadPicture = async (file: File | undefined) => {
    if (!file) return;
    setPicture((p) => ({ ...p, uploading: true, error: null }));
    try {
      const uploaded = await api.upload(filesEndpoints.upload, file, file.name);
      update({ imageFileId: uploaded.id });
      setPicture({ url: uploaded.url, uploading: false, error: null });
    } catch (err) {
      setPicture((p) => ({ ...p, uploading: false, error: text.items.uploadFailed(describeError(err)) }));
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const checked = itemBodyOf(draft);
    if (!checked.ok) return complain({ fields: checked.fields, message: text.fieldsInvalid });
    void submit(async () => {
      const { providerId: _fixed, ...patch } = checked.body;
      const saved = item
        ? await api.call(catalogEndpoints.updateItem, { params: { id: item.id }, body: patch })
        : await api.call(catalogEndpoints.createItem, { body: checked.body });
      onSaved(saved);
    });
  };

  const title = item ? text.items.editTitle(item.name) : text.items.createTitle;
  return (
    <CatalogFormDialog title={title} problem={problems.message} saving={saving} onSubmit={save} onClose={onClose}>
      <Field label={text.items.provider} {...complaint(problems, 'providerId')}>
        {/* An item stays with the provider its orders were placed with. */}
        <Select
          value={draft.providerId}
          disabled={item !== undefined}
          onChange={(_e, d) => update({ providerId: d.value })}
        >
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text.items.name} required {...complaint(problems, 'name')}>
        <Input value={draft.name} onChange={(_e, d) => update({ name: d.value })} />
      </Field>
      <Field label={text.items.description} {...complaint(problems, 'description')}>
        <Textarea value={draft.description} resize="vertical" onChange={(_e, d) => update({ description: d.value })} />
      </Field>
      <Field label={text.items.category} {...complaint(problems, 'category')}>
        <Select value={draft.category} onChange={(_e, d) => update({ category: d.value as ItemCategory })}>
          {ITEM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {text.categories[c]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field
          label={text.items.price}
          hint={text.items.priceHint(draft.currency)}
          required
          {...complaint(problems, 'priceMinor')}
        >
          <Input inputMode="decimal" value={draft.price} onChange={(_e, d) => update({ price: d.value })} />
        </Field>
        <Field label={text.items.currency} {...complaint(problems, 'currency')}>
          <Input
            maxLength={3}
            value={draft.currency}
            onChange={(_e, d) => update({ currency: d.value.toUpperCase() })}
          />
        </Field>
        <Field label={text.items.unit} {...complaint(problems, 'unit')}>
          <Select value={draft.unit} onChange={(_e, d) => update({ unit: d.value as ItemUnit })}>
            {ITEM_UNITS.map((u) => (
              <option key={u} value={u}>
                {text.units[u]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <CheckboxGroup
        legend={text.items.dietary}
        options={DIETARY_LABELS}
        labelOf={(label) => text.dietary[label]}
        chosen={draft.dietary}
        onToggle={(label, on) => update({ dietary: toggled(DIETARY_LABELS, draft.dietary, label, on) })}
        problem={problems.fields.dietary}
      />
      <CheckboxGroup
        legend={text.items.allergens}
        options={ALLERGENS}
        labelOf={(allergen) => text.allergens[allergen]}
        chosen={draft.allergens}
        onToggle={(allergen, on) => update({ allergens: toggled(ALLERGENS, draft.allergens, allergen, on) })}
        problem={problems.fields.allergens}
      />
      <div className={styles.row}>
        <Field label={text.items.leadTime} hint={text.items.leadTimeHint} {...complaint(problems, 'leadTimeHours')}>
          <Input
            inputMode="numeric"
            value={draft.leadTimeHours}
            onChange={(_e, d) => update({ leadTimeHours: d.value })}
          />
        </Field>
        <Field label={text.items.cutoff} hint={text.items.cutoffHint} {...complaint(problems, 'changeCutoffHours')}>
          <Input
            inputMode="numeric"
            value={draft.changeCutoffHours}
            onChange={(_e, d) => update({ changeCutoffHours: d.value })}
          />
        </Field>
      </div>
      {draft.imageFileId !== null && picture.url ? (
        <div className={styles.row}>
          <img className={styles.image} src={picture.url} alt={text.items.image(draft.name)} />
          <Button onClick={() => update({ imageFileId: null })}>{text.items.removeImage}</Button>
        </div>
      ) : null}
      <Field
        label={text.items.uploadImage}
        validationState={picture.error ? 'error' : 'none'}
        validationMessage={picture.uploading ? text.items.uploading : (picture.error ?? undefined)}
      >
        <input
          aria-label={text.items.uploadImage}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
          onChange={(e) => void uploadPicture(e.target.files?.[0])}
        />
      </Field>
      <Switch
        label={text.items.availabilityLimited}
        checked={draft.limitedAvailability}
        onChange={(_e, d) => update({ limitedAvailability: d.checked })}
      />
      {draft.limitedAvailability ? (
        <WeekHoursField
          label={text.items.availability}
          hint={text.providers.workingHoursHint}
          value={draft.availability}
          onChange={(availability) => update({ availability })}
          problem={problems.fields.availability}
        />
      ) : null}
      <Switch label={text.active} checked={draft.active} onChange={(_e, d) => update({ active: d.checked })} />
    </CatalogFormDialog>
  );
}
