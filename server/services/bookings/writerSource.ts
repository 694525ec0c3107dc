import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';
import type { MeetingWriter, MeetingWriterFactory } from '../../ports/meetingWriter';

/**
 * The MeetingWriter for the saved Exchange connection, built like the exchange service builds its
 * gateway: once per settings, rebuilt after every save.
 */
export interface MeetingWriterSource {
  writer(): Promise<MeetingWriter | null>;
  close(): void;
}

export function meetingWriterSource(deps: {
  readonly connectionSettings: () => Promise<ExchangeConnectionSettings | null>;
  readonly onSettingsChanged: (listener: () => void) => () => void;
  readonly createWriter: MeetingWriterFactory;
}): MeetingWriterSource {
  let current: { writer: MeetingWriter | null } | undefined;
  let building: Promise<MeetingWriter | null> | undefined;

  const drop = (): void => {
    current?.writer?.close();
    current = undefined;
    building = undefined;
  };
  deps.onSettingsChanged(drop);

  return {
    writer() {
      if (current) return Promise.resolve(current.writer);
      building ??= deps.connectionSettings().then(
        (settings) => {
          const writer = settings ? deps.createWriter(settings) : null;
          current = { writer };
          return writer;
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
