import { describe, expect, it } from '@jest/globals';
import type { Item } from '../../../../shared/schemas/catalog';
import { itemBodyOf, itemDraftOf, providerBodyOf, providerDraftOf, toggled } from './drafts';

const ITEM: Item = {
  id: '0b7c6f7e-3d52-4a8b-9a57-1a1d5b0a0c01',
  providerId: '0b7c6f7e-3d52-4a8b-9a57-1a1d5b0a0c02',
  name: 'Croissant',
  description: '',
  category: 'breakfast',
  priceMinor: 220,
  currency: 'EUR',
  unit: 'per-person',
  dietary: ['vegetarian'],
  allergens: ['gluten', 'milk'],
  imageFileId: null,
  imageUrl: null,
  leadTimeHours: 4,
  changeCutoffHours: 2,
  availability: { mon: [{ from: '07:00', to: '11:00' }] },
  active: true,
};

describe('item drafts', () => {
  it('turn an item into a draft and back into the same body', () => {
    const { id: _id, imageUrl: _url, ...body } = ITEM;
    expect(itemBodyOf(itemDraftOf(ITEM, ''))).toEqual({ ok: true, body });
  });

  it('report a bad price, bad hours and bad availability by field', () => {
    const draft = {
      ...itemDraftOf(ITEM, ''),
      price: '2.205',
      leadTimeHours: '-1',
      availability: { ...itemDraftOf(ITEM, '').availability, tue: 'x' },
    };
    const checked = itemBodyOf(draft);
    expect(checked.ok ? [] : Object.keys(checked.fields).sort()).toEqual([
      'availability',
      'leadTimeHours',
      'priceMinor',
    ]);
  });

  it('send null availability unless limited', () => {
    const checked = itemBodyOf({ ...itemDraftOf(ITEM, ''), limitedAvailability: false });
    expect(checked.ok && checked.body.availability).toBeNull();
  });
});

describe('provider drafts', () => {
  it('leave the stored webhook secret alone unless a new one is typed, and send an empty URL as null', () => {
    const draft = { ...providerDraftOf(undefined), name: 'K', contactEmail: ' k@example.test ' };
    const checked = providerBodyOf(draft);
    expect(checked.ok && checked.body).toMatchObject({ webhookUrl: null, contactEmail: 'k@example.test' });
    expect(checked.ok && 'webhookSecret' in checked.body).toBe(false);
    const withSecret = providerBodyOf({ ...draft, webhookUrl: 'https://x.example/h', webhookSecret: 's'.repeat(20) });
    expect(withSecret.ok && withSecret.body.webhookSecret).toBe('s'.repeat(20));
  });

  it('refuse unreadable working hours', () => {
    const draft = providerDraftOf(undefined);
    expect(providerBodyOf({ ...draft, workingHours: { ...draft.workingHours, mon: '18:00-07:00' } }).ok).toBe(false);
  });
});

it('toggles labels in canonical order', () => {
  expect(toggled(['a', 'b', 'c'], ['c'], 'a', true)).toEqual(['a', 'c']);
  expect(toggled(['a', 'b', 'c'], ['a', 'c'], 'a', false)).toEqual(['c']);
});
