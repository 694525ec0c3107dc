import { usersEndpoints } from '../../../../shared/api/users';
import { presentUser } from '../../../services/auth/present';
import type { UserService } from '../../../services/auth/userService';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export interface UsersRouterDeps {
  readonly users: UserService;
}

/** Admin management of local accounts; access 'admin' on every endpoint. */
export function usersRouter(deps: UsersRouterDeps): FeatureRoutes {
  const routes = featureRoutes('/users');
  const e = usersEndpoints;

  mount(routes, e.list, async ({ query }) => {
    const page = await deps.users.list(query);
    return { items: page.items.map(presentUser), page: query.page, pageSize: query.pageSize, total: page.total };
  });

  mount(routes, e.create, async ({ body }) => presentUser(await deps.users.create(body)));

  mount(routes, e.update, async ({ params, body, res }) =>
    presentUser(await deps.users.update(requireActor(res), params.id, body)),
  );

  mount(routes, e.resetPassword, async ({ params, res }) => deps.users.resetPassword(requireActor(res), params.id));

  return routes;
}
