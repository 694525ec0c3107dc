import { idParamsSchema } from '../schemas/common';
import {
  apiTokenCreateSchema,
  apiTokenListSchema,
  createdApiTokenSchema,
  loginInputSchema,
  passwordChangeSchema,
  sessionInfoSchema,
} from '../schemas/auth';
import { endpoint } from './endpoint';

export const authEndpoints = {
  login: endpoint({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with email and password; sets the rs_session cookie',
    tag: 'Auth',
    access: 'public',
    body: loginInputSchema,
    response: sessionInfoSchema,
  }),
  me: endpoint({
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user (and the CSRF token of a cookie session)',
    tag: 'Auth',
    access: 'signed-in',
    response: sessionInfoSchema,
  }),
  changePassword: endpoint({
    method: 'post',
    path: '/auth/password',
    summary:
      'Choose a new password, proven by the current one (422 current_password_wrong). Ends every session of the ' +
      'user and, for a cookie session, answers with a new one (a new CSRF token); API tokens keep working',
    tag: 'Auth',
    access: 'signed-in',
    body: passwordChangeSchema,
    response: sessionInfoSchema,
  }),
  logout: endpoint({
    method: 'post',
    path: '/auth/logout',
    summary: 'End the cookie session',
    tag: 'Auth',
    access: 'public',
    successStatus: 204,
  }),
  createToken: endpoint({
    method: 'post',
    path: '/auth/tokens',
    summary: 'Create a personal API token; the secret is shown only in this response',
    tag: 'Auth',
    access: 'signed-in',
    body: apiTokenCreateSchema,
    response: createdApiTokenSchema,
    successStatus: 201,
  }),
  listTokens: endpoint({
    method: 'get',
    path: '/auth/tokens',
    summary: 'Your personal API tokens (without secrets)',
    tag: 'Auth',
    access: 'signed-in',
    response: apiTokenListSchema,
  }),
  revokeToken: endpoint({
    method: 'delete',
    path: '/auth/tokens/:id',
    summary: 'Revoke one of your personal API tokens',
    tag: 'Auth',
    access: 'signed-in',
    params: idParamsSchema,
    successStatus: 204,
  }),
};
