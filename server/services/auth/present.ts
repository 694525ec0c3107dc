import type { ApiToken, User } from '../../../shared/schemas/auth';
import type { ApiTokenRecord } from '../../ports/apiTokens';
import type { UserRecord } from '../../ports/users';

export const presentUser = (user: UserRecord): User => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  active: user.active,
  createdAt: user.createdAt.toISOString(),
});

export const presentApiToken = (token: ApiTokenRecord): ApiToken => ({
  id: token.id,
  name: token.name,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt?.toISOString() ?? null,
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
});
