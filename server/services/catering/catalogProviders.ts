import type { Provider, ProviderInput, ProviderPatch } from '../../../shared/schemas/catalog';
import { providerProblems } from '../../domain/catering/catalog';
import { conflict, notFound, unprocessable } from '../../domain/errors';
import type { ProviderWrite } from '../../ports/catalog';
import type { CatalogServiceDeps, ProviderWebhook } from './catalogTypes';

export interface DeleteOptions {
  /** Also delete the provider's items (still refused while orders refer to them). */
  readonly cascade: boolean;
}

export function providerUseCases(deps: CatalogServiceDeps) {
  const { catalog, buildings, secrets } = deps;

  async function getProvider(id: string): Promise<Provider> {
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
    listProviders: (): Promise<Provider[]> => catalog.listProviders(),
    getProvider,
    async createProvider(input: ProviderInput): Promise<Provider> {
      const { webhookSecret, ...rest } = input;
      checkRules({ ...rest, webhookSecretGiven: webhookSecret !== undefined });
      await checkBuildings(rest.buildingIds);
      const write: ProviderWrite = {
        ...rest,
        webhookSecretSealed: sealedSecret(rest.webhookUrl, webhookSecret, false) ?? null,
      };
      return catalog.createProvider(write);
    },
    async updateProvider(id: string, patch: ProviderPatch): Promise<Provider> {
      const current = await getProvider(id);
      const { webhookSecret, ...rest } = patch;
      const webhookUrl = rest.webhookUrl === undefined ? current.webhookUrl : rest.webhookUrl;
      checkRules({
        workingHours: rest.workingHours ?? current.workingHours,
        webhookUrl,
        webhookSecretGiven: webhookSecret !== undefined,
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
    /** The webhook to notify with its secret in clear; undefined when the provider has none. */
    async providerWebhook(providerId: string): Promise<ProviderWebhook | undefined> {
      const stored = await catalog.findWebhook(providerId);
      return stored && { url: stored.url, secret: secrets.open(stored.secretSealed) };
    },
  };
}
