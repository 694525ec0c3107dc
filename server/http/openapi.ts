import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Endpoint } from '../../shared/api/endpoint';
import { errorBodySchema } from '../../shared/schemas/errors';

/**
 * The OpenAPI 3.1 document, generated from the same endpoint contracts that the server validates
 * against; nothing in it is written by hand.
 */

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const SECURITY: Record<string, string[]>[] = [{ bearerToken: [] }, { sessionCookie: [] }];
const DISPLAY_SECURITY: Record<string, string[]>[] = [{ displayToken: [] }];

function securityOf(ep: Endpoint): Record<string, string[]>[] | undefined {
  if (ep.access === 'public') return undefined;
  return ep.access === 'display' ? DISPLAY_SECURITY : SECURITY;
}

/** `/rooms/:id` (Express) → `/api/rooms/{id}` (OpenAPI). */
export function openApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')}`;
}

type RouteParameter = NonNullable<RouteConfig['request']>['params'];

function asParameterObject(schema: z.ZodType | undefined, where: string, ep: Endpoint): RouteParameter {
  if (schema === undefined) return undefined;
  if (schema instanceof z.ZodObject || schema instanceof z.ZodPipe) return schema;
  throw new Error(`${ep.method.toUpperCase()} ${ep.path}: ${where} must be a zod object`);
}

function requestBody(ep: Endpoint): NonNullable<RouteConfig['request']>['body'] {
  if (ep.multipart) {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        },
      },
    };
  }
  if (!ep.body) return undefined;
  return { required: true, content: { 'application/json': { schema: ep.body } } };
}

function successResponse(ep: Endpoint): ResponseConfig {
  if (ep.successStatus === 204) return { description: 'Done; no content' };
  if (ep.eventStream)
    return { description: 'Server-sent events', content: { 'text/event-stream': { schema: { type: 'string' } } } };
  if (ep.response) return { description: 'Success', content: { 'application/json': { schema: ep.response } } };
  return {
    description: 'The file’s bytes',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  };
}

const errorResponse = (description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

function errorResponses(ep: Endpoint): Record<string, ResponseConfig> {
  const writes = ep.method !== 'get';
  const hasInput = Boolean(ep.params ?? ep.query ?? ep.body) || ep.multipart === true;
  return {
    ...(hasInput ? { 400: errorResponse('Invalid input (validation_failed, invalid_json)') } : {}),
    ...(ep.access === 'public' ? {} : { 401: errorResponse('Not signed in (unauthenticated)') }),
    ...(ep.access === 'public' && !writes
      ? {}
      : { 403: errorResponse('Not allowed (forbidden), or a cookie write without X-CSRF-Token (csrf_failed)') }),
    ...(ep.params ? { 404: errorResponse('No such resource (not_found)') } : {}),
    ...(writes ? { 409: errorResponse('Conflicts with the current state (conflict)') } : {}),
    ...(ep.body || ep.multipart ? { 413: errorResponse('The request body is too large (payload_too_large)') } : {}),
    ...(writes ? { 422: errorResponse('Well-formed but not acceptable (unprocessable)') } : {}),
    ...(ep.path === '/auth/login'
      ? {
          401: errorResponse('Wrong email or password (invalid_credentials)'),
          429: errorResponse('Too many attempts (rate_limited)'),
        }
      : {}),
    ...(ep.path === '/display/pair' ? { 429: errorResponse('Too many wrong codes (rate_limited)') } : {}),
    ...(ep.access === 'display' && writes
      ? {
          403: errorResponse(
            'Not a display device (forbidden), or the display has a PIN and X-Display-Pin is missing ' +
              '(display_pin_required) or wrong (display_pin_wrong)',
          ),
          429: errorResponse('Five wrong PINs on this display in a minute (rate_limited)'),
        }
      : {}),
  };
}

function routeOf(ep: Endpoint): RouteConfig {
  const params = asParameterObject(ep.params, 'params', ep);
  const query = asParameterObject(ep.query, 'query', ep);
  const body = requestBody(ep);
  return {
    method: ep.method,
    path: openApiPath(ep.path),
    summary: ep.summary,
    tags: [ep.tag],
    ...(securityOf(ep) ? { security: securityOf(ep) } : {}),
    'x-access': ep.access,
    request: { ...(params ? { params } : {}), ...(query ? { query } : {}), ...(body ? { body } : {}) },
    responses: { [ep.successStatus]: successResponse(ep), ...errorResponses(ep) },
  };
}

export function buildOpenApiDocument(
  endpoints: readonly Endpoint[],
  info: { readonly version: string },
): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token from POST /api/auth/tokens',
  });
  registry.registerComponent('securitySchemes', 'displayToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A display device token from POST /api/display/pair; it is accepted by /api/display/* only',
  });
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'rs_session',
    description: 'Set by POST /api/auth/login; writes must also send the X-CSRF-Token header',
  });
  for (const ep of endpoints) registry.registerPath(routeOf(ep));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Roomserve API',
      version: info.version,
      description: 'Meeting rooms and catering for organisations on Exchange on-premise.',
    },
    servers: [{ url: '/' }],
  });
}
