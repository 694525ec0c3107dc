import { Router, type IRoute, type IRouter } from 'express';

/** One router of a feature and the path prefix (below /api) it is mounted at. */
export interface PrefixedRouter {
  readonly prefix: string;
  readonly router: Router;
}

/**
 * A feature's routes, below the path prefixes the feature declares. The API router mounts one
 * router per prefix, so a request walks only the routes of the features whose prefix it falls
 * under. Express tries routes one after another and leaves a router without a match through
 * setImmediate: with every feature at '/', a request to the plan tried ~180 patterns and waited
 * ~18 event-loop turns before reaching its route.
 */
export interface FeatureRoutes {
  /** The route at `path` (a full path below /api, as the contracts write it): add its handlers. */
  route(path: string): IRoute;
  /** Each declared prefix with its router, in the order declared. */
  readonly mounts: readonly PrefixedRouter[];
}

const PREFIX = /^(\/[a-z0-9-]+)+$/;

const isBelow = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

function checkPrefixes(prefixes: readonly string[]): void {
  if (prefixes.length === 0) throw new Error('A feature declares at least one path prefix');
  for (const prefix of prefixes) {
    if (!PREFIX.test(prefix)) throw new Error(`"${prefix}" is not a path prefix like /floors or /admin/sso`);
    // Nested prefixes would let one request reach two of the feature's routers, out of their order.
    const nested = prefixes.find((other) => other !== prefix && isBelow(other, prefix));
    if (nested !== undefined) throw new Error(`"${nested}" lies below "${prefix}": declare one of them`);
  }
  if (new Set(prefixes).size !== prefixes.length) throw new Error(`A prefix is declared twice: ${prefixes.join(', ')}`);
}

/**
 * Routes below these prefixes. A route outside all of them is refused when it is added (at
 * start-up), so a path can never be declared here and not be served.
 */
export function featureRoutes(...prefixes: string[]): FeatureRoutes {
  checkPrefixes(prefixes);
  const mounts = prefixes.map((prefix) => ({ prefix, router: Router() }));
  return {
    route(path: string): IRoute {
      const mounted = mounts.find((m) => isBelow(path, m.prefix));
      if (!mounted) throw new Error(`${path} lies below none of this feature's prefixes (${prefixes.join(', ')})`);
      // Express strips the mount path: the prefix itself is the router's '/'.
      return mounted.router.route(path.slice(mounted.prefix.length) || '/');
    },
    mounts,
  };
}

/** Mounts each of the feature's routers at its prefix on `parent`, in the order declared. */
export function mountFeature(parent: IRouter, routes: FeatureRoutes): void {
  for (const { prefix, router } of routes.mounts) parent.use(prefix, router);
}
