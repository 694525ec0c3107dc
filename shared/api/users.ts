import { idParamsSchema, pageOf } from '../schemas/common';
import { userCreateSchema, userPatchSchema, userSchema } from '../schemas/auth';
import { passwordResetSchema, userListQuerySchema } from '../schemas/userAdmin';
import { endpoint } from './endpoint';

export const usersEndpoints = {
  list: endpoint({
    method: 'get',
    path: '/users',
    summary: 'List local user accounts by email; q narrows to names or emails containing it, role to one role',
    tag: 'Users',
    access: 'admin',
    query: userListQuerySchema,
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
    summary:
      'Change a user’s name, role, active flag or password. Deactivating or a new password ends the ' +
      'user’s sessions. Refused (422) when it would demote or deactivate yourself or the last active admin.',
    tag: 'Users',
    access: 'admin',
    params: idParamsSchema,
    body: userPatchSchema,
    response: userSchema,
  }),
  resetPassword: endpoint({
    method: 'post',
    path: '/users/:id/password-reset',
    summary:
      'Give the account a new random password, shown in this answer only, and end its sessions. ' +
      'Refused (422) for your own account.',
    tag: 'Users',
    access: 'admin',
    params: idParamsSchema,
    response: passwordResetSchema,
  }),
};
