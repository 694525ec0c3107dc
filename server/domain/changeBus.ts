/**
 * In-process fan-out (pure: no I/O) of committed changes to live streams: the facility board's
 * orders, the room displays. Subscribers are called synchronously and must not throw; one that
 * does (a closed stream) is dropped so it cannot fail the change that already committed.
 */
export interface ChangeBus<T> {
  publish(change: T): void;
  /** Returns the unsubscribe. */
  subscribe(subscriber: (change: T) => void): () => void;
}

export function createChangeBus<T>(): ChangeBus<T> {
  const subscribers = new Set<(change: T) => void>();
  return {
    publish(change) {
      for (const subscriber of subscribers) {
        try {
          subscriber(change);
        } catch {
          subscribers.delete(subscriber);
        }
      }
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
  };
}
