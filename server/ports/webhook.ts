/** Posts one signed JSON webhook; throws (WebhookError) unless the receiver answers 2xx. */
export interface WebhookSender {
  post(request: {
    readonly url: string;
    readonly body: string;
    /** HMAC-SHA256 key: the signature goes into X-Roomserve-Signature as `sha256=<hex>`. */
    readonly secret: string;
    readonly event: string;
    /** Stable per outbox row (X-Roomserve-Delivery), for receivers that deduplicate. */
    readonly deliveryId: string;
  }): Promise<void>;
}
