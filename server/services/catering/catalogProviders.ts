import type {
  Provider,
  ProviderDetails,
  ProviderInput,
  ProviderPatch,
  WebhookAllowList,
} from '../../../shared/schemas/catalog';
import { isAdmin, isFacilityOrAdmin, type Actor } from '../../domain/actor';
import { providerProblems } from '../../domain/catering/catalog';
import { conflict, forbidden, notFound, unprocessable } from '../../domain/errors';
import { urlTextAllowed } from '../../domain/network/internalAddresses';
import type { ProviderWrite } from '../../ports/catalog';
import type { CatalogServiceDeps, ProviderWebhook } from './catalogTypes';

export interface DeleteOptions {
  /** Also delete the provider's items (still refused while orders refer to them). */
  readonly cascade: boolean;
}

/** Where a provider's webhook points is for the facility team and admins only. */
export function providerAsSeenBy(provider: ProviderDetails, actor: Actor): Provider {
  if (isFacilityOrAdmin(actor)) return provider;
  const { webhookUrl: _url, webhookSecretSet: _secret, ...visible } = provider;
  return visible;
}

export function providerUseCases(deps: CatalogServiceDeps) {
  const { catalog, buildings, secrets, webhookAllowList } = deps;

  /**
   * A webhook makes Roomserve POST wherever it points: only admins choose that, and an internal
   * address needs the admin allow-list. The address a name resolves to is checked when sending.
   */
  async function checkWebhookChange(
    actor: Actor,
    change: { readonly url: string | null | undefined; readonly secretGiven: boolean },
  ): Promise<void> {
    if (change.url === undefined && !change.secretGiven) return;
    if (!isAdmin(actor)) throw forbidden('Only admins may change a webhook');
    if (!change.url) return;
    if (!urlTextAllowed(new URL(change.url), await webhookAllowList.list()))
      throw unprocessable('The webhook points to an internal address that is not on the allow-list', {
        field: 'webhookUrl',
        reason: 'internal_address',
      });
  }

  async function getProvider(id: string): Promise<ProviderDetails> {
    const provider = await catalog.findProvider(id);
    if (!provider) throw notFound('Provider', id);
    return provider;
  }

  async function checkBuildings(buildingIds: readonly string[] | undefined): Promise<void> {
    if (buildingIds === undefined || buildingIds.length === 0) return;
    const known = new Set((await buildings.list()).map((b) => b.id));
    const missing = buildingIds.filter((id) => !known.has(id));
    if (missing.length > 0) throw unprocessable('Some buildings do not exist', { field: 'buildingIds', missing });
  }

  function checkRules(provider: Parameters<typeof providerProblems>[0]): void {
    const problems = providerProblems(provider);
    if (problems.length > 0) throw unprocessable(`The provider is not usable: ${problems.join('; ')}`, { problems });
  }

  /**
   * The sealed secret to store: a given one replaces the old; a webhook URL without any secret
   * gets a generated one (so every delivery is signed); no webhook URL keeps no secret.
   */
  function sealedSecret(
    webhookUrl: string | null,
    given: string | undefined,
    stored: boolean,
  ): string | null | undefined {
    if (webhookUrl === null) return null;
    if (given !== undefined) return secrets.seal(given);
    return stored ? undefined : secrets.seal(deps.generateSecret());
  }

  return {
    listProviders: async (actor: Actor): Promise<Provider[]> =>
      (await catalog.listProviders()).map((p) => providerAsSeenBy(p, actor)),
    getProvider: async (id: string, actor: Actor): Promise<Provider> => providerAsSeenBy(await getProvider(id), actor),
    async createProvider(input: ProviderInput, actor: Actor): Promise<ProviderDetails> {
      const { webhookSecret, ...rest } = input;
      checkRules({ ...rest, webhookSecretGiven: webhookSecret !== undefined });
      await checkWebhookChange(actor, {
        url: rest.webhookUrl ?? undefined,
        secretGiven: webhookSecret !== undefined,
      });
      await checkBuildings(rest.buildingIds);
      const write: ProviderWrite = {
        ...rest,
        webhookSecretSealed: sealedSecret(rest.webhookUrl, webhookSecret, false) ?? null,
      };
      return catalog.createProvider(write);
    },
    async updateProvider(id: string, patch: ProviderPatch, actor: Actor): Promise<ProviderDetails> {
      const current = await getProvider(id);
      const { webhookSecret, ...rest } = patch;
      const storedUrl = current.webhookUrl;
      const webhookUrl = rest.webhookUrl === undefined ? storedUrl : rest.webhookUrl;
      checkRules({
        workingHours: rest.workingHours ?? current.workingHours,
        webhookUrl,
        webhookSecretGiven: webhookSecret !== undefined,
      });
      // Sending the stored URL back unchanged (a form saving every field) is no change.
      await checkWebhookChange(actor, {
        url: webhookUrl === storedUrl ? undefined : webhookUrl,
        secretGiven: webhookSecret !== undefined,
      });
      await checkBuildings(rest.buildingIds);
      const sealed = sealedSecret(webhookUrl, webhookSecret, current.webhookSecretSet);
      const updated = await catalog.updateProvider(id, {
        ...rest,
        ...(sealed === undefined ? {} : { webhookSecretSealed: sealed }),
      });
      if (!updated) throw notFound('Provider', id);
      return updated;
    },
    async deleteProvider(id: string, options: DeleteOptions): Promise<void> {
      await getProvider(id);
      const items = await catalog.countItems(id);
      if (items > 0 && !options.cascade)
        throw conflict('The provider still has items; delete them first or pass cascade=true', { items });
      await catalog.deleteProvider(id, { withItems: options.cascade });
    },
    getWebhookAllowList: async (): Promise<WebhookAllowList> => ({ entries: await webhookAllowList.list() }),
    putWebhookAllowList: async (list: WebhookAllowList): Promise<WebhookAllowList> => ({
      entries: await webhookAllowList.replace(list.entries),
    }),
    /** The webhook to notify with its secret in clear; undefined when the provider has none. */
    async providerWebhook(providerId: string): Promise<ProviderWebhook | undefined> {
      const stored = await catalog.findWebhook(providerId);
      return stored && { url: stored.url, secret: secrets.open(stored.secretSealed) };
    },
  };
}
