import type { Readable } from 'node:stream';
import { XhrApi } from '@ewsjs/xhr';
import type { IProvider } from '@ewsjs/xhr/dist/IProvider';
import axios, { isAxiosError, type AxiosRequestConfig } from 'axios';

interface XhrOptions {
  readonly url?: string;
  readonly type?: string;
  readonly data?: unknown;
  readonly headers?: Record<string, string>;
}

type Progress = (progress: { type: 'data' | 'end' | 'error' | 'header'; data?: string; error?: unknown }) => void;

/** A failed streaming call, shaped as ews-javascript-api's errors are read (HttpStatusCode). */
class StreamTransportError extends Error {
  constructor(
    message: string,
    readonly HttpStatusCode?: number,
  ) {
    super(message);
    this.name = 'StreamTransportError';
  }
}

function transportFailure(err: unknown): StreamTransportError {
  if (isAxiosError(err) && err.response)
    return new StreamTransportError(`HTTP ${err.response.status} ${err.response.statusText}`, err.response.status);
  return new StreamTransportError(err instanceof Error ? err.message : String(err));
}

/**
 * @ewsjs/xhr with a GetStreamingEvents transport that reports failures. The library's own
 * `xhrStream` awaits the HTTP call inside a callback whose rejection nobody observes: an HTTP 503
 * from IIS (or a refused connection) leaves the stream's promise pending forever and raises an
 * unhandled rejection, which ends a Node process. Here a failed call is reported through the
 * progress callback (ews-javascript-api then raises OnDisconnect) and rejects the promise.
 */
export class StreamSafeXhrApi extends XhrApi {
  private current: Readable | null = null;
  private readonly auth: IProvider | null;

  /**
   * `slot` (the service account's concurrency budget) is held while the streaming request is made
   * and released once Exchange answers: the hanging stream itself does not count against it.
   */
  constructor(
    options: AxiosRequestConfig & { rejectUnauthorized?: boolean },
    auth?: IProvider,
    private readonly slot: () => Promise<() => void> = () => Promise.resolve(() => undefined),
  ) {
    super(options);
    this.auth = auth ?? null;
    if (auth) this.setAuthProvider(auth);
  }

  override xhrStream(xhroptions: XhrOptions, progressDelegate: Progress): Promise<XMLHttpRequest> {
    return this.stream(xhroptions, progressDelegate).then(() => null as unknown as XMLHttpRequest);
  }

  override disconnect(): void {
    this.current?.destroy();
    this.current = null;
  }

  private async stream(xhroptions: XhrOptions, progress: Progress): Promise<void> {
    const base: AxiosRequestConfig = {
      ...this.requestOptions,
      url: xhroptions.url,
      data: xhroptions.data,
      headers: xhroptions.headers,
      method: xhroptions.type,
      maxRedirects: 0,
      responseType: 'stream',
    };
    let body: Readable;
    const release = await this.slot();
    try {
      // Our NTLM provider carries the TLS settings in its own agents.
      const config = this.auth ? await this.auth.preCall(base) : base;
      const client = this.auth?.client ?? axios.create();
      body = (await client.request<Readable>(config)).data;
    } catch (err) {
      const failure = transportFailure(err);
      progress({ type: 'error', error: failure });
      throw failure;
    } finally {
      release();
    }
    this.current = body;
    await new Promise<void>((resolve, reject) => {
      body.on('data', (chunk: Buffer) => progress({ type: 'data', data: chunk.toString() }));
      body.on('end', () => {
        progress({ type: 'end' });
        resolve();
      });
      body.on('error', (error: Error) => {
        const failure = transportFailure(error);
        progress({ type: 'error', error: failure });
        reject(failure);
      });
    });
  }
}
