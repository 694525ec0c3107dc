import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DisplayState } from '../../shared/schemas/displays';
import type { DisplayAction, DisplayApi } from './live/displayApi';
import { pixelShift, useMinuteClock, useWakeLock } from './live/deviceHooks';
import { LiveConnection } from './live/liveConnection';
import { clockView } from './model/clockState';
import type { DeviceStore } from './model/deviceStore';
import { PairingScreen } from './screens/PairingScreen';
import { RoomScreen } from './screens/RoomScreen';
import { displayStrings } from './strings';

const useStyles = makeStyles({
  page: { width: '100vw', height: '100dvh', overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground1 },
});

export const VERSION_CHECK_MS = 5 * 60_000;

export interface DisplayAppProps {
  readonly api: DisplayApi;
  readonly store: DeviceStore;
  /** The device's clock. */
  readonly clock: () => number;
  /** `?code=` from the address, paired at once. */
  readonly initialCode: string | null;
  readonly buildId: string;
  /** Loads the newer build (location.reload in the app). */
  readonly reload: () => void;
  readonly dark: boolean;
}

/** The tablet app: pairing until it holds a token, then its room, live, and offline when it must. */
export function DisplayApp(props: DisplayAppProps) {
  const styles = useStyles();
  const [token, setToken] = useState(() => props.store.token());
  const [notice, setNotice] = useState<string | null>(null);
  useWakeLock();

  const unpaired = useCallback(() => {
    props.store.forget();
    setToken(null);
    setNotice(displayStrings.pairing.unpaired);
  }, [props.store]);
  useEffect(() => props.api.onUnauthenticated(unpaired), [props.api, unpaired]);

  const pair = async (code: string): Promise<void> => {
    const paired = await props.api.pair(code);
    props.store.saveToken(paired.token);
    setNotice(null);
    setToken(paired.token);
  };

  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} className={styles.page}>
      {token ? (
        <LiveRoom key={token} {...props} onUnpaired={unpaired} />
      ) : (
        <PairingScreen initialCode={notice ? null : props.initialCode} notice={notice} pair={pair} />
      )}
    </FluentProvider>
  );
}

function LiveRoom(props: DisplayAppProps & { readonly onUnpaired: () => void }) {
  const { api, store, clock, buildId, reload, onUnpaired } = props;
  const [cached, setCached] = useState(() => store.cachedState());
  const [offline, setOffline] = useState(false);
  const now = useMinuteClock(clock);
  const wasOffline = useRef(false);

  const checkVersion = useCallback(async () => {
    const served = await api.servedBuild();
    if (served !== null && served !== buildId) reload();
  }, [api, buildId, reload]);

  const received = useCallback(
    (state: DisplayState) => {
      const next = { state, receivedAt: clock() };
      store.saveState(next);
      setCached(next);
    },
    [clock, store],
  );

  useEffect(() => {
    const live = new LiveConnection(api, {
      onState: received,
      onOnline: () => {
        setOffline(false);
        if (wasOffline.current) void checkVersion();
        wasOffline.current = false;
      },
      onOffline: () => {
        wasOffline.current = true;
        setOffline(true);
      },
      onUnauthenticated: onUnpaired,
    });
    live.start();
    const versions = setInterval(() => void checkVersion(), VERSION_CHECK_MS);
    return () => {
      live.stop();
      clearInterval(versions);
    };
  }, [api, received, checkVersion, onUnpaired]);

  const act = useCallback(
    async (action: DisplayAction, requestId: string, pin: string | null) => {
      const result = await api.act(action, requestId, pin);
      received(result.state);
      return result;
    },
    [api, received],
  );

  const view = useMemo(() => (cached ? clockView(cached.state, now) : null), [cached, now]);

  // The server pushes changes, not minute boundaries: when the device's clock moves the state on
  // (a meeting ends, say), ask once for the server's own view, e.g. the "book now" choices that fit now.
  const word = view?.state;
  const serverWord = cached?.state.state;
  useEffect(() => {
    if (offline || word === undefined || word === serverWord) return undefined;
    const asking = new AbortController();
    api.state(asking.signal).then(received, () => undefined);
    return () => asking.abort();
    // Once per change of the device's word, not per server answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [word, offline]);
  if (!cached || !view) return <span role="status" aria-label="Loading" />;
  const shift = pixelShift(now);
  return (
    <RoomScreen
      state={cached.state}
      view={view}
      now={now}
      offlineSince={offline ? cached.receivedAt : null}
      act={act}
      shift={shift}
    />
  );
}
