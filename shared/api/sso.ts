import { z } from 'zod';
import {
  ssoSettingsInputSchema,
  ssoSettingsSchema,
  ssoSignInOptionsSchema,
  ssoTestResultSchema,
  ssoTestStartSchema,
} from '../schemas/sso';
import { endpoint } from './endpoint';

const TAG = 'Single sign-on';

/**
 * The JSON endpoints of single sign-on. The browser redirects (GET /auth/sso/login and
 * GET|POST /auth/sso/callback) and the SAML SP metadata (GET /auth/saml/metadata, XML) are not
 * JSON and are described in docs/sso.md.
 */
export const ssoEndpoints = {
  signInOptions: endpoint({
    method: 'get',
    path: '/auth/sign-in-options',
    tag: TAG,
    summary: 'How this installation signs people in: the identity provider (when on) and whether passwords work',
    access: 'public',
    response: ssoSignInOptionsSchema,
  }),
  getSsoSettings: endpoint({
    method: 'get',
    path: '/admin/sso',
    tag: TAG,
    summary: 'The single sign-on settings; the client secret is never returned',
    access: 'admin',
    response: ssoSettingsSchema,
  }),
  saveSsoSettings: endpoint({
    method: 'put',
    path: '/admin/sso',
    tag: TAG,
    summary: 'Save the settings after discovery at the issuer succeeded; otherwise 422 and the earlier ones stay',
    access: 'admin',
    body: ssoSettingsInputSchema,
    response: ssoSettingsSchema,
  }),
  startSsoTest: endpoint({
    method: 'post',
    path: '/admin/sso/test',
    tag: TAG,
    summary: 'Start a test sign-in at the identity provider; the admin stays signed in as they are',
    access: 'admin',
    response: ssoTestStartSchema,
  }),
  ssoTestResult: endpoint({
    method: 'get',
    path: '/admin/sso/test/:id',
    tag: TAG,
    summary: 'The claims a test sign-in received, and the account and role they would give',
    access: 'admin',
    params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
    response: ssoTestResultSchema,
  }),
};
