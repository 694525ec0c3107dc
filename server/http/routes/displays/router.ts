/**
 * Room displays: the admin's list, add (pairing code) and revoke; a tablet's pairing; and what a
 * paired display calls with its device token.
 */
import type { RequestHandler } from 'express';
import { displayActionEndpoints, displaysEndpoints as endpoints } from '../../../../shared/api/displays';
import type { DisplayState } from '../../../../shared/schemas/displays';
import type {
  DisplayActionsService,
  DisplayLiveService,
  DisplayPinService,
  DisplayPairingService,
  DisplaySettingsService,
  DisplayStateService,
} from '../../../services/displays';
import { openEventStream } from '../../eventStream';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor, requireDisplay } from '../../route';

export interface DisplaysRouterDeps {
  readonly pairing: DisplayPairingService;
  readonly state: DisplayStateService;
  readonly settings: DisplaySettingsService;
  readonly actions: DisplayActionsService;
  readonly pairLimiter: RequestHandler;
  readonly live: DisplayLiveService;
  readonly pins: DisplayPinService;
  /** The PIN check (and its rate limit) in front of every display action. */
  readonly pinGuard: RequestHandler[];
  /** The stream's keep-alive comment interval. */
  readonly heartbeatMs: number;
}

/** Every display action, mounted here or beside: one PIN check covers them all. */
const ACTION_PATHS = [endpoints.checkIn.path, ...Object.values(displayActionEndpoints).map((e) => e.path)];

export function displaysRouter(deps: DisplaysRouterDeps): FeatureRoutes {
  const { pairing, state, settings, actions, pairLimiter, live } = deps;
  const routes = featureRoutes('/admin/displays', '/admin/display-settings', '/display');
  for (const path of ACTION_PATHS) routes.route(path).post(...deps.pinGuard);

  mount(routes, endpoints.createDisplay, ({ body, res }) => pairing.create(body.roomId, requireActor(res)));
  mount(routes, endpoints.listDisplays, async () => ({ items: await pairing.list() }));
  mount(routes, endpoints.revokeDisplay, ({ params }) => pairing.revoke(params.id));
  mount(routes, endpoints.setDisplayPin, ({ params, body }) => deps.pins.setPin(params.id, body.pin));
  mount(routes, endpoints.getDisplaySettings, () => settings.installation());
  mount(routes, endpoints.saveDisplaySettings, ({ body }) => settings.saveInstallation(body));
  mount(routes, endpoints.getRoomDisplaySettings, ({ params }) => settings.room(params.id));
  mount(routes, endpoints.saveRoomDisplaySettings, ({ params, body }) => settings.saveRoom(params.id, body));
  routes.route(endpoints.pair.path).post(pairLimiter);
  mount(routes, endpoints.pair, ({ body }) => pairing.pair(body.code));
  // The room is the token's, never a parameter: a display cannot ask for another room's data.
  mount(routes, endpoints.state, ({ res }) => state.stateOf(requireDisplay(res)));
  mount(routes, endpoints.events, ({ res }) => {
    // The first keep-alive goes out heartbeatMs after `followed` is set.
    const stream = openEventStream(res, {
      heartbeatMs: deps.heartbeatMs,
      heartbeatComment: 'keepalive',
      onHeartbeat: () => followed.heartbeat(),
    });
    const followed = live.follow(requireDisplay(res), {
      state: (next: DisplayState) => stream.send('state', next),
      end: () => stream.end(),
    });
    stream.onClose(() => followed.stop());
    return Promise.resolve();
  });
  mount(routes, endpoints.checkIn, ({ body, res }) => actions.checkIn(requireDisplay(res), body.requestId));
  mount(routes, endpoints.bookNow, ({ body, res }) =>
    actions.bookNow(requireDisplay(res), body.minutes, body.requestId),
  );
  mount(routes, endpoints.end, ({ body, res }) => actions.end(requireDisplay(res), body.requestId));
  mount(routes, endpoints.extend, ({ body, res }) => actions.extend(requireDisplay(res), body.minutes, body.requestId));

  return routes;
}
