import { ssoEndpoints } from '../../../../../shared/api/sso';
import { useApi } from '../../../../ui/hooks/useApi';
import { AdminSettingsPage } from '../AdminSettingsPage';
import { SignInSettingsForm } from './SignInSettingsForm';
import { signInStrings as text } from './strings';
import { TestSignIn } from './TestSignIn';

/** Route `/admin/sign-in`: single sign-on with the organisation's identity provider, and its test. */
export function SignInSettingsPage() {
  const api = useApi();
  return (
    <AdminSettingsPage
      title={text.title}
      intro={text.intro}
      load={{ key: 'sso-settings', fetch: (signal) => api.call(ssoEndpoints.getSsoSettings, { signal }) }}
    >
      {(current) => (
        <SignInSettingsForm
          initial={current}
          after={(dirty, configured) => <TestSignIn unsavedChanges={dirty} configured={configured} />}
        />
      )}
    </AdminSettingsPage>
  );
}
