import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { GatewayError, type CalendarGateway } from '../ports/calendarGateway';
import type { SyncObserver } from './observer';

/** Prometheus metrics of the Exchange sync, served at /metrics. */
export interface SyncMetrics {
  readonly registry: Registry;
  readonly observer: SyncObserver;
  /** Counts every gateway call by operation and outcome (ok, or the error kind). */
  instrument<G extends CalendarGateway>(gateway: G): G;
  /** The EWS adapter waited (ErrorServerBusy's BackOffMilliseconds, or after HTTP 503). */
  ewsBackOff(reason: string, waitMs: number): void;
  render(): Promise<string>;
  readonly contentType: string;
}

const OPERATIONS = [
  'checkRoomMailbox',
  'listRoomMailboxes',
  'syncCalendarChanges',
  'roomItemDetails',
  'calendarView',
  'organizerDetails',
  'organizerCalendar',
  'openStream',
  'openPullStream',
] as const;

export function createSyncMetrics(options: { defaultMetrics?: boolean } = {}): SyncMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: 'roomserve_sync_duration_seconds',
    help: 'Time to sync one room with Exchange, by mode (incremental, full, resync) and outcome.',
    labelNames: ['mode', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'roomserve_ews_requests_total',
    help: 'Calls to Exchange (EWS) by operation and outcome (ok, or the error kind).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const backOffs = new Counter({
    name: 'roomserve_sync_backoffs_total',
    help: 'Times the sync waited before calling Exchange again, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const reconnects = new Counter({
    name: 'roomserve_stream_reconnects_total',
    help: 'Streaming notification connections reopened, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  const observer: SyncObserver = {
    syncFinished: (e) => latency.observe({ mode: e.mode, outcome: e.outcome }, e.durationMs / 1000),
    backOff: (e) => backOffs.inc({ reason: e.reason }),
    streamReconnect: (e) => reconnects.inc({ reason: e.reason }),
  };

  function instrument<G extends CalendarGateway>(gateway: G): G {
    const counted: ReadonlySet<string | symbol> = new Set(OPERATIONS);
    return new Proxy(gateway, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || !counted.has(property)) return value;
        const operation = String(property);
        const call = value as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]): Promise<unknown> => {
          try {
            const result = await call.apply(target, args);
            requests.inc({ operation, outcome: 'ok' });
            return result;
          } catch (err) {
            requests.inc({ operation, outcome: err instanceof GatewayError ? err.kind : 'error' });
            throw err;
          }
        };
      },
    });
  }

  return {
    registry,
    observer,
    instrument,
    ewsBackOff: (reason) => backOffs.inc({ reason }),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
