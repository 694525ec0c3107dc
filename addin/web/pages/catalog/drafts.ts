import type { BodyOf } from '../../../../shared/api/endpoint';
import type { catalogEndpoints } from '../../../../shared/api/catalog';
import type {
  Allergen,
  DietaryLabel,
  Item,
  ItemCategory,
  ItemUnit,
  Provider,
  ProviderKind,
} from '../../../../shared/schemas/catalog';
import { parsePrice, priceText } from './money';
import { catalogStrings as text } from './strings';
import {
  availabilityOfWeekText,
  emptyWeek,
  hoursOfWeekText,
  invalidDays,
  weekTextOfAvailability,
  weekTextOfHours,
  type WeekText,
} from './weekHours';

/** What the provider and item forms hold while being edited, and the request bodies made of them. */

export type ProviderBody = BodyOf<typeof catalogEndpoints.createProvider>;
export type ItemBody = BodyOf<typeof catalogEndpoints.createItem>;

/** A form's own complaints, by field, before anything is sent. */
export type FieldProblems = Record<string, string>;

export type Checked<B> =
  { readonly ok: true; readonly body: B } | { readonly ok: false; readonly fields: FieldProblems };

export interface ProviderDraft {
  readonly name: string;
  readonly kind: ProviderKind;
  readonly buildingIds: readonly string[];
  readonly contactEmail: string;
  readonly webhookUrl: string;
  readonly webhookSecret: string;
  readonly workingHours: WeekText;
  readonly active: boolean;
}

export function providerDraftOf(provider: Provider | undefined): ProviderDraft {
  return {
    name: provider?.name ?? '',
    kind: provider?.kind ?? 'internal-kitchen',
    buildingIds: provider?.buildingIds ?? [],
    contactEmail: provider?.contactEmail ?? '',
    webhookUrl: provider?.webhookUrl ?? '',
    webhookSecret: '',
    workingHours: provider ? weekTextOfHours(provider.workingHours) : emptyWeek(),
    active: provider?.active ?? true,
  };
}

/** The body for create (and, as all of it may be patched, for edit too). */
export function providerBodyOf(draft: ProviderDraft): Checked<ProviderBody> {
  if (invalidDays(draft.workingHours).length > 0) return { ok: false, fields: { workingHours: text.hoursInvalid } };
  const webhookUrl = draft.webhookUrl.trim();
  return {
    ok: true,
    body: {
      name: draft.name,
      kind: draft.kind,
      buildingIds: [...draft.buildingIds],
      contactEmail: draft.contactEmail.trim(),
      webhookUrl: webhookUrl === '' ? null : webhookUrl,
      ...(draft.webhookSecret === '' ? {} : { webhookSecret: draft.webhookSecret }),
      workingHours: hoursOfWeekText(draft.workingHours),
      active: draft.active,
    },
  };
}

export interface ItemDraft {
  readonly providerId: string;
  readonly name: string;
  readonly description: string;
  readonly category: ItemCategory;
  readonly price: string;
  readonly currency: string;
  readonly unit: ItemUnit;
  readonly dietary: readonly DietaryLabel[];
  readonly allergens: readonly Allergen[];
  readonly imageFileId: string | null;
  readonly leadTimeHours: string;
  readonly changeCutoffHours: string;
  readonly limitedAvailability: boolean;
  readonly availability: WeekText;
  readonly active: boolean;
}

export function itemDraftOf(item: Item | undefined, providerId: string): ItemDraft {
  return {
    providerId: item?.providerId ?? providerId,
    name: item?.name ?? '',
    description: item?.description ?? '',
    category: item?.category ?? 'lunch',
    price: item ? priceText(item.priceMinor, item.currency) : '',
    currency: item?.currency ?? 'EUR',
    unit: item?.unit ?? 'per-person',
    dietary: item?.dietary ?? [],
    allergens: item?.allergens ?? [],
    imageFileId: item?.imageFileId ?? null,
    leadTimeHours: String(item?.leadTimeHours ?? 24),
    changeCutoffHours: String(item?.changeCutoffHours ?? 12),
    limitedAvailability: (item?.availability ?? null) !== null,
    availability: weekTextOfAvailability(item?.availability ?? null),
    active: item?.active ?? true,
  };
}

function wholeHours(value: string): number | undefined {
  return /^\d{1,4}$/.test(value.trim()) && Number(value) <= 1440 ? Number(value) : undefined;
}

export function itemBodyOf(draft: ItemDraft): Checked<ItemBody> {
  const currency = draft.currency.trim().toUpperCase();
  const priceMinor = parsePrice(draft.price, currency);
  const leadTimeHours = wholeHours(draft.leadTimeHours);
  const changeCutoffHours = wholeHours(draft.changeCutoffHours);
  const fields: FieldProblems = {};
  if (priceMinor === undefined) fields.priceMinor = text.items.priceInvalid;
  if (leadTimeHours === undefined) fields.leadTimeHours = text.items.hoursInvalid;
  if (changeCutoffHours === undefined) fields.changeCutoffHours = text.items.hoursInvalid;
  if (draft.limitedAvailability && invalidDays(draft.availability).length > 0) fields.availability = text.hoursInvalid;
  if (
    priceMinor === undefined ||
    leadTimeHours === undefined ||
    changeCutoffHours === undefined ||
    Object.keys(fields).length > 0
  )
    return { ok: false, fields };
  return {
    ok: true,
    body: {
      providerId: draft.providerId,
      name: draft.name,
      description: draft.description,
      category: draft.category,
      priceMinor,
      currency,
      unit: draft.unit,
      dietary: [...draft.dietary],
      allergens: [...draft.allergens],
      imageFileId: draft.imageFileId,
      leadTimeHours,
      changeCutoffHours,
      availability: draft.limitedAvailability ? availabilityOfWeekText(draft.availability) : null,
      active: draft.active,
    },
  };
}

/** Adds or removes one label of a set, keeping the canonical order of `all`. */
export function toggled<T extends string>(all: readonly T[], chosen: readonly T[], value: T, on: boolean): T[] {
  const set = new Set(chosen);
  if (on) set.add(value);
  else set.delete(value);
  return all.filter((v) => set.has(v));
}
