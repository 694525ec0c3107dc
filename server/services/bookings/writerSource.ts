import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';
import type { MeetingWriter, MeetingWriterFactory } from '../../ports/meetingWriter';
import { connectionScoped } from '../exchange/connectionScoped';

/** The MeetingWriter for the saved Exchange connection: once per settings, rebuilt after every save. */
export interface MeetingWriterSource {
  writer(): Promise<MeetingWriter | null>;
  close(): void;
}

export function meetingWriterSource(deps: {
  readonly connectionSettings: () => Promise<ExchangeConnectionSettings | null>;
  readonly onSettingsChanged: (listener: () => void) => () => void;
  readonly createWriter: MeetingWriterFactory;
}): MeetingWriterSource {
  const scoped = connectionScoped({ ...deps, create: deps.createWriter });
  return { writer: () => scoped.get(), close: () => scoped.close() };
}
