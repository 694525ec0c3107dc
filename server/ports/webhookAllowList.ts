/** The admin's allow-list of internal addresses or CIDR networks that provider webhooks may reach. */
export interface WebhookAllowListRepository {
  list(): Promise<string[]>;
  /** Replaces the whole list. */
  replace(entries: readonly string[]): Promise<string[]>;
}
