import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';

/**
 * Something built from the saved Exchange connection (a meeting writer, a meeting lookup): built
 * once per settings on first use, closed and dropped whenever the settings are saved.
 */
export interface ConnectionScoped<T> {
  /** Null while no Exchange connection is configured. */
  get(): Promise<T | null>;
  close(): void;
}

export function connectionScoped<T extends { close(): void }>(deps: {
  readonly connectionSettings: () => Promise<ExchangeConnectionSettings | null>;
  readonly onSettingsChanged: (listener: () => void) => () => void;
  readonly create: (settings: ExchangeConnectionSettings) => T;
}): ConnectionScoped<T> {
  let current: { value: T | null } | undefined;
  let building: Promise<T | null> | undefined;

  const drop = (): void => {
    current?.value?.close();
    current = undefined;
    building = undefined;
  };
  deps.onSettingsChanged(drop);

  return {
    get() {
      if (current) return Promise.resolve(current.value);
      building ??= deps.connectionSettings().then(
        (settings) => {
          const value = settings ? deps.create(settings) : null;
          current = { value };
          return value;
        },
        (err: unknown) => {
          building = undefined;
          throw err;
        },
      );
      return building;
    },
    close: drop,
  };
}
