import type {
  ExchangeConnection,
  ExchangeConnectionFactory,
  ExchangeGatewayFactory,
} from '../../ports/exchangeSettings';
import type { MeetingWriterFactory } from '../../ports/meetingWriter';

/** Views to put in place of the connection's own (tests swap in fakes of the gateway or the writer). */
export interface SwappedViews {
  readonly gateway?: ExchangeGatewayFactory | undefined;
  readonly meetingWriter?: MeetingWriterFactory | undefined;
}

/** The connection factory with some views swapped; the swapped views are closed with the connection. */
export function withSwappedViews(create: ExchangeConnectionFactory, swap: SwappedViews): ExchangeConnectionFactory {
  if (!swap.gateway && !swap.meetingWriter) return create;
  return async (settings): Promise<ExchangeConnection> => {
    const base = await create(settings);
    const gateway = swap.gateway?.(settings);
    const writer = swap.meetingWriter?.(settings);
    return {
      gateway: () => gateway ?? base.gateway(),
      meetingWriter: () => writer ?? base.meetingWriter(),
      meetingLookup: () => base.meetingLookup(),
      directory: () => base.directory(),
      close: () => {
        gateway?.close();
        writer?.close();
        base.close();
      },
    };
  };
}
