import { createApiTokenRepository } from '../adapters/db/repositories/apiTokens';
import { createSessionRepository } from '../adapters/db/repositories/sessions';
import { createSsoSettingsRepository } from '../adapters/db/repositories/ssoSettings';
import { createUserRepository } from '../adapters/db/repositories/users';
import { passwordSignInAllowed } from '../domain/sso/passwordPolicy';
import type { SessionRepository } from '../ports/sessions';
import type { UserRepository } from '../ports/users';
import { createAuthService, type AuthService } from '../services/auth/authService';
import type { ScryptCost } from '../services/auth/passwords';
import { createUserService, type UserService } from '../services/auth/userService';
import type { Infrastructure } from './infrastructure';

export interface AuthFeature {
  readonly auth: AuthService;
  readonly users: UserService;
  /** The user accounts, for the features that look people up (orders, the add-in's sign-in). */
  readonly accounts: UserRepository;
  readonly sessions: SessionRepository;
}

export interface AuthFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock'>;
  readonly sessionTtlHours: number;
  /** Tests lower the scrypt cost; production keeps the default. */
  readonly passwordCost?: ScryptCost | undefined;
  /** Told of every session started (the externals' last sign-in). */
  readonly signIns?: { recordSignIn(userId: string, at: Date): Promise<void> };
}

/** Sign-in (password, sessions, API tokens) and the admin's user management. */
export function composeAuth(deps: AuthFeatureDeps): AuthFeature {
  const { knex, clock } = deps.infrastructure;
  const passwordCost = deps.passwordCost === undefined ? {} : { passwordCost: deps.passwordCost };
  const accounts = createUserRepository(knex);
  const sessions = createSessionRepository(knex);
  // Single sign-on may turn passwords off for all but a break-glass admin (services/sso).
  const ssoSettings = createSsoSettingsRepository(knex);
  return {
    auth: createAuthService({
      users: accounts,
      sessions,
      apiTokens: createApiTokenRepository(knex),
      clock,
      sessionTtlHours: deps.sessionTtlHours,
      passwordSignInAllowed: async (email) => passwordSignInAllowed(await ssoSettings.get(), email),
      ...passwordCost,
      ...(deps.signIns ? { signIns: deps.signIns } : {}),
    }),
    users: createUserService({ users: accounts, sessions, ...passwordCost }),
    accounts,
    sessions,
  };
}
