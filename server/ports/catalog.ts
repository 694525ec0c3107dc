import type { Item, ItemCategory, ItemInput, ProviderDetails, ProviderInput } from '../../shared/schemas/catalog';

/** The catering catalog as stored: providers (with their buildings) and their items. */

export interface ProviderWrite extends Omit<ProviderInput, 'webhookSecret'> {
  /** The webhook signing secret, sealed (SecretSealer); null without a webhook. */
  readonly webhookSecretSealed: string | null;
}

export type ItemWrite = ItemInput;

export interface ItemFilter {
  readonly providerId?: string;
  /** Items of providers that serve this building. */
  readonly buildingId?: string;
  readonly category?: ItemCategory;
  /** Active items of active providers only. */
  readonly activeOnly?: boolean;
  readonly ids?: readonly string[];
}

export interface ProviderWebhookStored {
  readonly url: string;
  readonly secretSealed: string;
}

export interface CatalogRepository {
  listProviders(filter?: { readonly buildingId?: string; readonly activeOnly?: boolean }): Promise<ProviderDetails[]>;
  findProvider(id: string): Promise<ProviderDetails | undefined>;
  /** Throws an `unprocessable` AppError when a building does not exist. */
  createProvider(data: ProviderWrite): Promise<ProviderDetails>;
  updateProvider(id: string, data: Partial<ProviderWrite>): Promise<ProviderDetails | undefined>;
  /** The provider's webhook with its sealed secret; undefined without one. */
  findWebhook(providerId: string): Promise<ProviderWebhookStored | undefined>;
  countItems(providerId: string): Promise<number>;
  /**
   * Deletes the provider, and its items when `withItems`; false when there was none. Throws a
   * `conflict` AppError when another table still requires it or its items.
   */
  deleteProvider(id: string, options: { readonly withItems: boolean }): Promise<boolean>;

  /** Items by provider name, category and name. */
  listItems(filter: ItemFilter): Promise<Item[]>;
  findItem(id: string): Promise<Item | undefined>;
  /** Throws an `unprocessable` AppError when the provider or image does not exist. */
  createItem(data: ItemWrite): Promise<Item>;
  updateItem(id: string, data: Partial<Omit<ItemWrite, 'providerId'>>): Promise<Item | undefined>;
  /** Throws a `conflict` AppError when another table still requires the item. */
  deleteItem(id: string): Promise<boolean>;
}
