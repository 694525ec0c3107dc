import { idParamsSchema, pageOf, pageQuerySchema } from '../schemas/common';
import { userCreateSchema, userPatchSchema, userSchema } from '../schemas/auth';
import { endpoint } from './endpoint';

export const usersEndpoints = {
  list: endpoint({
    method: 'get',
    path: '/users',
    summary: 'List local user accounts',
    tag: 'Users',
    access: 'admin',
    query: pageQuerySchema,
    response: pageOf(userSchema).meta({ id: 'UserPage' }),
  }),
  create: endpoint({
    method: 'post',
    path: '/users',
    summary: 'Create a local user account',
    tag: 'Users',
    access: 'admin',
    body: userCreateSchema,
    response: userSchema,
    successStatus: 201,
  }),
  update: endpoint({
    method: 'patch',
    path: '/users/:id',
    summary: 'Change a user’s name, role, active flag or password',
    tag: 'Users',
    access: 'admin',
    params: idParamsSchema,
    body: userPatchSchema,
    response: userSchema,
  }),
};
