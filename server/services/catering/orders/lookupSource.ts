import type { ExchangeConnectionSettings } from '../../../ports/exchangeSettings';
import type { MeetingLookup, MeetingLookupFactory } from '../../../ports/meetingLookup';

/**
 * The MeetingLookup for the saved Exchange connection, built as the meeting writer's source builds
 * its writer (services/bookings/writerSource.ts): once per settings, dropped after every save.
 */
export interface MeetingLookupSource {
  lookup(): Promise<MeetingLookup | null>;
  close(): void;
}

export function meetingLookupSource(deps: {
  readonly connectionSettings: () => Promise<ExchangeConnectionSettings | null>;
  readonly onSettingsChanged: (listener: () => void) => () => void;
  readonly createLookup: MeetingLookupFactory;
}): MeetingLookupSource {
  let current: { lookup: MeetingLookup | null } | undefined;
  let building: Promise<MeetingLookup | null> | undefined;

  const drop = (): void => {
    current?.lookup?.close();
    current = undefined;
    building = undefined;
  };
  deps.onSettingsChanged(drop);

  return {
    lookup() {
      if (current) return Promise.resolve(current.lookup);
      building ??= deps.connectionSettings().then(
        (settings) => {
          const lookup = settings ? deps.createLookup(settings) : null;
          current = { lookup };
          return lookup;
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
