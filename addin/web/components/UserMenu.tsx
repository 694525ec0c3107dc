import {
  Menu,
  MenuButton,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
} from '@fluentui/react-components';
import { PersonCircleRegular, SignOutRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ssoEndpoints } from '../../../shared/api/sso';
import type { User } from '../../../shared/schemas/auth';
import { useApi } from '../../ui/hooks/useApi';
import { useSession } from '../../ui/session/useSession';
import { strings } from '../strings';

const useStyles = makeStyles({
  // The name is dropped on narrow screens; the avatar and the accessible label remain.
  name: { '@media (max-width: 480px)': { display: 'none' } },
});

export function UserMenu({ user }: { user: User }) {
  const styles = useStyles();
  const api = useApi();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      // With single sign-on on, the provider's session ends too (RP-initiated logout), or the
      // next "Sign in with…" would sign the same person in again without asking.
      const options = await api.call(ssoEndpoints.signInOptions).catch(() => undefined);
      await signOut();
      if (options?.sso) window.location.assign('/api/auth/sso/logout');
    } catch {
      // The session is forgotten locally even when the server could not be told.
      setSigningOut(false);
    }
  };

  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance="subtle" icon={<PersonCircleRegular />} aria-label={strings.userMenu.label(user.name)}>
          <span className={styles.name}>{user.name}</span>
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>
              {user.email} · {strings.userMenu.role[user.role]}
            </MenuGroupHeader>
            <MenuItem icon={<SignOutRegular />} disabled={signingOut} onClick={() => void onSignOut()}>
              {signingOut ? strings.userMenu.signingOut : strings.userMenu.signOut}
            </MenuItem>
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
