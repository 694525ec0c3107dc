import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Endpoint } from '../../shared/api/endpoint';
import { isAdmin, isFacilityOrAdmin, mayReadAnalytics, type Actor } from '../domain/actor';
import type { DisplayPrincipal } from '../domain/displays/principal';
import { AppError } from '../domain/errors';
import type { FeatureRoutes } from './featureRoutes';
import { parseBody, parseParams, parseQuery, refuseControlCharacters } from './validate';

// Contract parts are optional properties (`P | undefined`), so strip the undefined before inferring.
type Parsed<S, Otherwise> = NonNullable<S> extends z.ZodType ? z.infer<NonNullable<S>> : Otherwise;

export interface HandlerInput<E extends Endpoint> {
  readonly params: Parsed<E['params'], Record<string, never>>;
  readonly query: Parsed<E['query'], Record<string, never>>;
  readonly body: Parsed<E['body'], undefined>;
  /** Present for every access level but `public` and `display`. */
  readonly actor: Actor | undefined;
  /** The paired display; present for the `display` access level only. */
  readonly display: DisplayPrincipal | undefined;
  readonly req: Request;
  readonly res: Response;
}

type HandlerResult<E extends Endpoint> =
  NonNullable<E['response']> extends z.ZodType ? z.input<NonNullable<E['response']>> : void;

export type Handler<E extends Endpoint> = (input: HandlerInput<E>) => Promise<HandlerResult<E>>;

/** Set by the authentication middleware when the request carries a valid session or token. */
export function actorOf(res: Response): Actor | undefined {
  const actor: unknown = res.locals.actor;
  return actor === undefined ? undefined : (actor as Actor);
}

export function requireActor(res: Response): Actor {
  const actor = actorOf(res);
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}

/** Set by the authentication middleware when the request carries a valid display device token. */
export function displayOf(res: Response): DisplayPrincipal | undefined {
  const display: unknown = res.locals.display;
  return display === undefined ? undefined : (display as DisplayPrincipal);
}

export function requireDisplay(res: Response): DisplayPrincipal {
  const display = displayOf(res);
  if (!display) throw new AppError('unauthenticated', 'This endpoint needs a display device token');
  return display;
}

function checkDisplayAccess(endpoint: Endpoint, res: Response): DisplayPrincipal | undefined {
  const display = displayOf(res);
  if (endpoint.access === 'display') {
    if (!display && actorOf(res)) throw new AppError('forbidden', 'Display devices only');
    return requireDisplay(res);
  }
  // A tablet on the wall holds this token: it reads its room and acts through the display actions, nothing else.
  if (display) throw new AppError('forbidden', 'A display device token may call /api/display/* only');
  return undefined;
}

function checkAccess(endpoint: Endpoint, res: Response): Actor | undefined {
  if (endpoint.access === 'public') return actorOf(res);
  if (endpoint.access === 'display') return undefined;
  const actor = requireActor(res);
  if (endpoint.access === 'admin' && !isAdmin(actor)) throw new AppError('forbidden', 'Admins only');
  if (endpoint.access === 'facility' && !isFacilityOrAdmin(actor))
    throw new AppError('forbidden', 'Facility team only');
  if (endpoint.access === 'analytics' && !mayReadAnalytics(actor))
    throw new AppError('forbidden', 'Admins and analysts only');
  return actor;
}

/**
 * Mounts one endpoint of the shared contract: access check, then validation of path, query and
 * body, then the handler; the response is parsed through its schema so nothing undeclared leaks.
 */
export function mount<E extends Endpoint>(routes: FeatureRoutes, endpoint: E, handler: Handler<E>): void {
  routes.route(endpoint.path)[endpoint.method](async (req: Request, res: Response) => {
    const display = checkDisplayAccess(endpoint, res);
    const actor = checkAccess(endpoint, res);
    refuseControlCharacters(req);
    const input = {
      params: endpoint.params ? parseParams(endpoint.params, req) : {},
      query: endpoint.query ? parseQuery(endpoint.query, req) : {},
      body: endpoint.body ? parseBody(endpoint.body, req) : undefined,
      actor,
      display,
      req,
      res,
    } as HandlerInput<E>;
    const result: unknown = await handler(input);
    if (res.headersSent) return;
    if (endpoint.successStatus === 204 || endpoint.response === undefined) {
      res.status(204).end();
      return;
    }
    res.status(endpoint.successStatus).json(endpoint.response.parse(result));
  });
}
