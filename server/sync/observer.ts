/** What the sync machinery reports for metrics and logs; every hook is optional to implement. */
export interface SyncObserver {
  syncFinished(event: {
    roomId: string;
    mode: SyncMode;
    durationMs: number;
    outcome: 'ok' | 'error';
    errorKind?: string;
  }): void;
  backOff(event: { roomId: string | null; reason: string; delayMs: number }): void;
  streamReconnect(event: { mailboxes: number; attempt: number; reason: string }): void;
}

export type SyncMode = 'incremental' | 'full' | 'resync';

export const silentObserver: SyncObserver = {
  syncFinished: () => undefined,
  backOff: () => undefined,
  streamReconnect: () => undefined,
};
