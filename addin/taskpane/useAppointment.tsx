import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AddinProperties, AppointmentSnapshot, OfficeHost } from '../office/officeHost';
import { useOfficeHost } from '../office/OfficeHostContext';

export type AppointmentState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | {
      readonly status: 'ready';
      readonly appointment: AppointmentSnapshot;
      readonly properties: AddinProperties;
      /** Counts the reads, so views reload what depends on the server's state (availability, orders) too. */
      readonly revision: number;
    };

export interface AppointmentContextValue {
  readonly state: AppointmentState;
  /** Reads the item again (Mailbox 1.1–1.5 has no time-changed event, so the pane asks). */
  readonly refresh: () => Promise<void>;
}

type ItemRead =
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly appointment: AppointmentSnapshot; readonly properties: AddinProperties };

async function readItem(host: OfficeHost): Promise<ItemRead> {
  try {
    const [appointment, properties] = await Promise.all([host.readAppointment(), host.loadProperties()]);
    return { status: 'ready', appointment, properties };
  } catch (error: unknown) {
    return { status: 'error', error };
  }
}

function withRevision(previous: AppointmentState, next: ItemRead): AppointmentState {
  if (next.status === 'error') return next;
  return { ...next, revision: previous.status === 'ready' ? previous.revision + 1 : 0 };
}

const AppointmentContext = createContext<AppointmentContextValue | undefined>(undefined);

/**
 * Keeps the pane's copy of the appointment: read on start, on the refresh button, and whenever the
 * pane regains focus (the user may have moved the meeting or changed its attendees meanwhile).
 */
export function AppointmentProvider({ children }: { children: ReactNode }) {
  const host = useOfficeHost();
  const [state, setState] = useState<AppointmentState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const next = await readItem(host);
    setState((previous) => withRevision(previous, next));
  }, [host]);

  useEffect(() => {
    let live = true;
    const firstRead = async () => {
      const next = await readItem(host);
      if (live) setState((previous) => withRevision(previous, next));
    };
    void firstRead();
    const onFocus = () => void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [host, refresh]);

  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <AppointmentContext.Provider value={value}>{children}</AppointmentContext.Provider>;
}

export function useAppointmentState(): AppointmentContextValue {
  const value = useContext(AppointmentContext);
  if (!value) throw new Error('useAppointmentState needs an <AppointmentProvider> above it');
  return value;
}

/** For views rendered only once the appointment was read. */
export function useAppointment(): {
  appointment: AppointmentSnapshot;
  properties: AddinProperties;
  revision: number;
  refresh: () => Promise<void>;
} {
  const { state, refresh } = useAppointmentState();
  if (state.status !== 'ready') throw new Error('useAppointment before the appointment was read');
  return { appointment: state.appointment, properties: state.properties, revision: state.revision, refresh };
}
