import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authEndpoints } from '../../../shared/api/auth';
import type { SessionInfo, User } from '../../../shared/schemas/auth';
import { isApiError } from '../../api/client';
import { useApi } from '../hooks/useApi';

export type SessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'signed-out' }
  /** `mustChangePassword`: opened with a password an admin reset; nothing else answers until it is changed. */
  | { readonly status: 'signed-in'; readonly user: User; readonly mustChangePassword: boolean }
  /** The session could not be checked (server down); distinct from "not signed in". */
  | { readonly status: 'unknown'; readonly error: unknown };

export interface Session {
  readonly state: SessionState;
  /** Rejects with an ApiError (e.g. invalid_credentials, rate_limited) for the form to show. */
  readonly signIn: (email: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  readonly recheck: () => void;
  /** A session started elsewhere (an external's invitation or email link, a changed password) becomes the app's. */
  readonly adopt: (info: SessionInfo) => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Asks the server who is signed in on load, and keeps the client's CSRF token in step. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApi();
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [check, setCheck] = useState(0);

  const adopt = useCallback(
    (info: SessionInfo) => {
      client.setCsrfToken(info.csrfToken ?? undefined);
      setState({ status: 'signed-in', user: info.user, mustChangePassword: info.mustChangePassword });
    },
    [client],
  );

  const forget = useCallback(() => {
    client.setCsrfToken(undefined);
    setState({ status: 'signed-out' });
  }, [client]);

  useEffect(() => {
    const controller = new AbortController();
    const run = async () => {
      try {
        const info = await client.call(authEndpoints.me, { signal: controller.signal });
        if (!controller.signal.aborted) adopt(info);
      } catch (error: unknown) {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.status === 401) forget();
        else setState({ status: 'unknown', error });
      }
    };
    void run();
    return () => controller.abort();
  }, [client, adopt, forget, check]);

  // Any 401 later on (session expired, signed out in another tab) brings the sign-in form back.
  useEffect(() => client.onUnauthenticated(forget), [client, forget]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      adopt(await client.call(authEndpoints.login, { body: { email, password } }));
    },
    [client, adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await client.call(authEndpoints.logout);
    } finally {
      forget();
    }
  }, [client, forget]);

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setCheck((n) => n + 1);
  }, []);

  const session = useMemo(() => ({ state, signIn, signOut, recheck, adopt }), [state, signIn, signOut, recheck, adopt]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  return session;
}

/** For pages inside the signed-in layout, which only renders them with a user. */
export function useSignedInUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInUser outside the signed-in layout');
  return state.user;
}
