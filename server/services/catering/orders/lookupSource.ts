import type { ExchangeConnectionSettings } from '../../../ports/exchangeSettings';
import type { MeetingLookup, MeetingLookupFactory } from '../../../ports/meetingLookup';
import { connectionScoped } from '../../exchange/connectionScoped';

/** The MeetingLookup for the saved Exchange connection: once per settings, dropped after every save. */
export interface MeetingLookupSource {
  lookup(): Promise<MeetingLookup | null>;
  close(): void;
}

export function meetingLookupSource(deps: {
  readonly connectionSettings: () => Promise<ExchangeConnectionSettings | null>;
  readonly onSettingsChanged: (listener: () => void) => () => void;
  readonly createLookup: MeetingLookupFactory;
}): MeetingLookupSource {
  const scoped = connectionScoped({ ...deps, create: deps.createLookup });
  return { lookup: () => scoped.get(), close: () => scoped.close() };
}
