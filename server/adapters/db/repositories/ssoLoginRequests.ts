import type { Knex } from 'knex';
import type { PendingSsoLogin, SsoLoginRequestRepository, SsoPurpose, VerifiedSsoLogin } from '../../../ports/sso';

interface LoginRequestRow {
  state_hash: string;
  nonce: string;
  code_verifier_sealed: string;
  purpose: string;
  requested_by: string | null;
  result_id: string | null;
  result: unknown;
  expires_at: Date | string;
}

const purposeOf = (value: string): SsoPurpose => (value === 'test' ? 'test' : 'sign-in');

function toPending(row: LoginRequestRow): PendingSsoLogin {
  return {
    stateHash: row.state_hash,
    nonce: row.nonce,
    codeVerifierSealed: row.code_verifier_sealed,
    purpose: purposeOf(row.purpose),
    requestedBy: row.requested_by,
    expiresAt: new Date(row.expires_at),
  };
}

/** A finished test keeps its row under a key no callback can name (the state's hash is of 256 random bits). */
const RESULT_STATE_PREFIX = 'result:';
/** A verified SAML response waiting for its browser, under the hash of the sign-in's state. */
const VERIFIED_STATE_PREFIX = 'verified:';

const parsedJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function claimsOf(value: unknown): Record<string, unknown> {
  const parsed = parsedJson(value);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? { ...(parsed as Record<string, unknown>) }
    : {};
}

export function createSsoLoginRequestRepository(db: Knex): SsoLoginRequestRepository {
  return {
    async create(login) {
      await db('sso_login_requests').insert({
        state_hash: login.stateHash,
        nonce: login.nonce,
        code_verifier_sealed: login.codeVerifierSealed,
        purpose: login.purpose,
        requested_by: login.requestedBy,
        expires_at: login.expiresAt,
      });
    },
    async consume(stateHash, now) {
      const [row] = await db('sso_login_requests')
        .where({ state_hash: stateHash })
        .whereNull('result_id')
        .where('expires_at', '>', now)
        .delete()
        .returning<LoginRequestRow[]>('*');
      return row ? toPending(row) : undefined;
    },
    async saveVerified(stateHash, verified, expiresAt) {
      await db('sso_login_requests').insert({
        state_hash: `${VERIFIED_STATE_PREFIX}${stateHash}`,
        nonce: '',
        code_verifier_sealed: '',
        purpose: verified.purpose,
        requested_by: verified.requestedBy,
        result: JSON.stringify(verified.claims),
        expires_at: expiresAt,
      });
    },
    async consumeVerified(stateHash, now): Promise<VerifiedSsoLogin | undefined> {
      const [row] = await db('sso_login_requests')
        .where({ state_hash: `${VERIFIED_STATE_PREFIX}${stateHash}` })
        .where('expires_at', '>', now)
        .delete()
        .returning<LoginRequestRow[]>('*');
      return row
        ? { purpose: purposeOf(row.purpose), requestedBy: row.requested_by, claims: claimsOf(row.result) }
        : undefined;
    },
    async saveTestResult(resultId, requestedBy, result, expiresAt) {
      await db('sso_login_requests').insert({
        state_hash: `${RESULT_STATE_PREFIX}${resultId}`,
        nonce: '',
        code_verifier_sealed: '',
        purpose: 'test',
        requested_by: requestedBy,
        result_id: resultId,
        result: JSON.stringify(result),
        expires_at: expiresAt,
      });
    },
    async findTestResult(resultId, requestedBy, now) {
      const row = await db('sso_login_requests')
        .where({ result_id: resultId, requested_by: requestedBy })
        .where('expires_at', '>', now)
        .first<LoginRequestRow | undefined>();
      if (!row) return undefined;
      return parsedJson(row.result);
    },
    async deleteExpired(now) {
      await db('sso_login_requests').where('expires_at', '<=', now).delete();
    },
  };
}
