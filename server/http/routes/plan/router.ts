/** The live office plan: a floor's occupancy, its push stream, and the installation's privacy settings. */
import { planEndpoints as endpoints } from '../../../../shared/api/plan';
import { floorOccupancySchema } from '../../../../shared/schemas/plan';
import { notFound } from '../../../domain/errors';
import type { FloorOccupancyService, PlanLiveService, PrivacySettingsService } from '../../../services/plan';
import { openEventStream, type EventStream } from '../../eventStream';
import { sendSharedJson } from '../../preparedJson';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface PlanRouterDeps {
  readonly occupancy: FloorOccupancyService;
  readonly live: PlanLiveService;
  readonly privacy: PrivacySettingsService;
  readonly heartbeatMs: number;
}

export function planRouter(deps: PlanRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/floors', '/admin/privacy-settings');
  mount(routes, endpoints.floorOccupancy, async ({ params, query, req, res }) => {
    const answer = await deps.occupancy.occupancy(requireActor(res), params.id, query.at);
    // Answers are shared by the readers of one visibility class: checked, serialised and compressed once.
    await sendSharedJson(req, res, floorOccupancySchema, answer);
    return answer;
  });
  mount(routes, endpoints.floorOccupancyEvents, async ({ params, res }) => {
    // Changes are gathered for a moment before the first is sent, so the stream is open by then.
    const opened: { stream?: EventStream } = {};
    const followed = await deps.live.follow(params.id, {
      changed: (roomIds) => opened.stream?.send('changed', { roomIds }),
    });
    if (!followed) throw notFound('Floor', params.id);
    opened.stream = openEventStream(res, { heartbeatMs: deps.heartbeatMs, heartbeatComment: 'keepalive' });
    opened.stream.onClose(() => followed.stop());
  });
  mount(routes, endpoints.getPrivacySettings, () => deps.privacy.get());
  mount(routes, endpoints.savePrivacySettings, ({ body }) => deps.privacy.save(body));
  return routes;
}
