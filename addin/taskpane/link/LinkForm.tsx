import { Caption1 } from '@fluentui/react-components';
import { addinEndpoints } from '../../../shared/api/addin';
import { isApiError } from '../../api/client';
import { useApi } from '../../ui/hooks/useApi';
import { CredentialsForm } from '../../ui/session/CredentialsForm';
import { describePaneError } from '../errors';
import { strings } from '../strings';

function linkProblem(error: unknown): string {
  if (isApiError(error) && error.code === 'invalid_credentials') return strings.link.invalidCredentials;
  if (isApiError(error) && error.code === 'rate_limited') return strings.link.rateLimited;
  if (isApiError(error) && error.code === 'conflict') return strings.link.linkedElsewhere;
  return describePaneError(error);
}

/**
 * The one-time sign-in of an Outlook user whom Roomserve cannot find through Exchange: the
 * identity token goes along as on every call (the client's bearer token), the email and password
 * prove the Roomserve account, and the server remembers the pair (POST /api/addin/link).
 */
export function LinkForm({ onLinked }: { onLinked: () => void }) {
  const client = useApi();
  return (
    <CredentialsForm
      texts={strings.link}
      level={2}
      intro={strings.link.why}
      send={async (body) => {
        await client.call(addinEndpoints.link, { body });
        onLinked();
      }}
      problemOf={linkProblem}
      footer={<Caption1>{strings.link.noPassword}</Caption1>}
    />
  );
}
