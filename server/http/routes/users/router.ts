import express, { type Router } from 'express';
import { usersEndpoints } from '../../../../shared/api/users';
import { presentUser } from '../../../services/auth/present';
import type { UserService } from '../../../services/auth/userService';
import { mount, requireActor } from '../../route';

export interface UsersRouterDeps {
  readonly users: UserService;
}

/** Admin management of local accounts; access 'admin' on every endpoint. */
export function usersRouter(deps: UsersRouterDeps): Router {
  const router = express.Router();
  const e = usersEndpoints;

  mount(router, e.list, async ({ query }) => {
    const page = await deps.users.list(query);
    return { items: page.items.map(presentUser), page: query.page, pageSize: query.pageSize, total: page.total };
  });

  mount(router, e.create, async ({ body }) => presentUser(await deps.users.create(body)));

  mount(router, e.update, async ({ params, body, res }) =>
    presentUser(await deps.users.update(requireActor(res), params.id, body)),
  );

  mount(router, e.resetPassword, async ({ params, res }) => deps.users.resetPassword(requireActor(res), params.id));

  return router;
}
