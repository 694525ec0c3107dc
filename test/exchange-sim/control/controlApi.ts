import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExchangeModelApi, FaultSpec } from '../model/api';
import { isEwsError } from '../model/errors';
import { loadSeedFile } from '../model/seed';
import { readBody } from '../http/listener';
import type { OpenStreams } from '../operations/notifications';

/**
 * The simulator's own JSON API under /sim/ (not part of EWS): reset to a seed, read calendars,
 * request counters, faults, clock. Unauthenticated: the simulator binds to loopback.
 */

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req, 50 * 1024 * 1024)).toString('utf8').trim();
  if (raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ControlError(400, 'BAD_JSON', 'The body is not JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ControlError(400, 'BAD_JSON', 'The body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function resolveSeed(seed: unknown): unknown {
  if (typeof seed === 'string') return loadSeedFile(seed);
  return seed;
}

const FAULT_KINDS: readonly FaultSpec['kind'][] = [
  'serverBusy',
  'http503',
  'latency',
  'mailboxMoveInProgress',
  'dropStream',
];

export class ControlApi {
  constructor(
    private readonly model: ExchangeModelApi,
    private readonly streams: OpenStreams,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      const result = await this.route(req, path);
      sendJson(res, 200, result);
    } catch (err) {
      if (err instanceof ControlError) {
        sendJson(res, err.status, { error: err.code, message: err.message });
        return;
      }
      if (isEwsError(err)) {
        sendJson(res, 400, { error: err.responseCode, message: err.messageText });
        return;
      }
      if (err instanceof Error && err.name === 'SeedError') {
        sendJson(res, 400, { error: 'BAD_SEED', message: err.message });
        return;
      }
      throw err;
    }
  }

  private async route(req: IncomingMessage, path: string): Promise<unknown> {
    const method = req.method ?? 'GET';
    const calendar = /^\/sim\/mailboxes\/([^/]+)\/calendar$/.exec(path);
    if (calendar?.[1] && method === 'GET') return this.calendar(decodeURIComponent(calendar[1]));
    const processing = /^\/sim\/mailboxes\/([^/]+)\/calendar-processing$/.exec(path);
    if (processing?.[1]) {
      const smtp = decodeURIComponent(processing[1]);
      if (method === 'GET') return this.model.calendarProcessing(smtp);
      if (method === 'POST') return this.model.setCalendarProcessing(smtp, await readJson(req));
    }
    switch (`${method} ${path}`) {
      case 'POST /sim/reset':
        return this.reset(await readJson(req));
      case 'GET /sim/stats':
        return this.model.requestCounts();
      case 'DELETE /sim/stats':
        this.model.resetRequestCounts();
        return this.model.requestCounts();
      case 'GET /sim/concurrency':
        return this.model.concurrencyStats();
      case 'DELETE /sim/concurrency':
        this.model.resetConcurrencyStats();
        return this.model.concurrencyStats();
      case 'GET /sim/faults':
        return this.model.activeFaults();
      case 'POST /sim/faults':
        return this.addFault(await readJson(req));
      case 'DELETE /sim/faults':
        this.model.clearFaults();
        return [];
      case 'GET /sim/clock':
        return this.clockState();
      case 'POST /sim/clock':
        return this.clock(await readJson(req));
      case 'POST /sim/attendant':
        return this.attendant(await readJson(req));
      case 'GET /sim/idle':
        await this.model.whenIdle();
        return { idle: true };
      case 'GET /sim/mailboxes':
        return this.model.mailboxes().map((m) => ({ smtp: m.smtp, displayName: m.displayName, kind: m.kind }));
      default:
        throw new ControlError(404, 'NOT_FOUND', `No control endpoint ${method} ${path}.`);
    }
  }

  private calendar(smtp: string): unknown {
    if (!this.model.findMailbox(smtp)) throw new ControlError(404, 'NO_MAILBOX', `No mailbox ${smtp}.`);
    return this.model.readCalendar(smtp);
  }

  private reset(body: Record<string, unknown>): unknown {
    this.streams.dropAll();
    this.model.reset(body.seed === undefined ? undefined : resolveSeed(body.seed));
    return { ok: true, mailboxes: this.model.mailboxes().length };
  }

  private addFault(body: Record<string, unknown>): unknown {
    const kind = body.kind;
    if (kind === 'invalidateSyncStates') {
      this.model.invalidateSyncStates(typeof body.mailbox === 'string' ? body.mailbox : undefined);
      return { ok: true };
    }
    if (kind === 'concurrencyLimit') {
      if (typeof body.limit !== 'number' || body.limit < 1)
        throw new ControlError(400, 'BAD_FAULT', 'limit must be a positive number.');
      this.model.setConcurrencyLimit(body.limit);
      return { ok: true };
    }
    if (typeof kind !== 'string' || !FAULT_KINDS.some((k) => k === kind)) {
      throw new ControlError(400, 'BAD_FAULT', `Unknown fault kind ${String(kind)}.`);
    }
    const fault = this.model.addFault(body as unknown as FaultSpec);
    const dropped = kind === 'dropStream' ? this.streams.dropAll() : 0;
    return { ...fault, droppedStreams: dropped };
  }

  private clockState(): unknown {
    return { now: new Date(this.model.clock.now()).toISOString(), frozen: this.model.clock.isFrozen() };
  }

  private clock(body: Record<string, unknown>): unknown {
    const { freeze, advanceMs, unfreeze } = body;
    if (freeze === true) this.model.clock.freeze();
    else if (typeof freeze === 'string' || typeof freeze === 'number') {
      const at = typeof freeze === 'string' ? Date.parse(freeze) : freeze;
      if (Number.isNaN(at))
        throw new ControlError(400, 'BAD_CLOCK', 'freeze must be true, an ISO instant or epoch ms.');
      this.model.clock.freeze(at);
    }
    if (unfreeze === true) this.model.clock.unfreeze();
    if (advanceMs !== undefined) {
      if (typeof advanceMs !== 'number' || advanceMs < 0)
        throw new ControlError(400, 'BAD_CLOCK', 'advanceMs must be a non-negative number.');
      this.model.clock.advance(advanceMs);
    }
    return this.clockState();
  }

  private attendant(body: Record<string, unknown>): unknown {
    if (typeof body.delayMs !== 'number' || body.delayMs < 0)
      throw new ControlError(400, 'BAD_DELAY', 'delayMs must be a non-negative number.');
    this.model.setAttendantDelayMs(body.delayMs);
    return { delayMs: body.delayMs };
  }
}
