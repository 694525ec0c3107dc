import type { CatalogRepository } from '../../ports/catalog';
import type { SecretSealer } from '../../ports/exchangeSettings';
import type { FileRepository } from '../../ports/files';
import type { BuildingRepository, RoomRepository } from '../../ports/locations';
import type { WebhookAllowListRepository } from '../../ports/webhookAllowList';

export interface CatalogServiceDeps {
  readonly catalog: CatalogRepository;
  readonly buildings: Pick<BuildingRepository, 'list' | 'findById'>;
  readonly rooms: Pick<RoomRepository, 'findById'>;
  readonly files: Pick<FileRepository, 'findMany'>;
  /** Seals webhook secrets at rest, as the Exchange password is sealed. */
  readonly secrets: SecretSealer;
  /** A fresh webhook secret for a provider given a webhook URL without one. */
  readonly generateSecret: () => string;
  /** Internal addresses webhooks may reach (admins keep it). */
  readonly webhookAllowList: WebhookAllowListRepository;
}

/** A provider's webhook with its secret opened, for signing deliveries (notifications). */
export interface ProviderWebhook {
  readonly url: string;
  readonly secret: string;
}
