import { MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Link, useLocation } from 'react-router';
import { useSignedInUser } from '../../../ui/session/useSession';
import { mayOpen } from '../../navigation';
import { NotFoundPage } from '../NotFoundPage';
import { ExchangeSettingsPage } from './exchange/ExchangeSettingsPage';
import { FloorPlansPage } from './floorPlans/FloorPlansPage';
import { IntegrationOverviewPage } from './integration/IntegrationOverviewPage';
import { LocationsPage } from './locations/LocationsPage';
import { RoomsConnectionPage } from './rooms/RoomsConnectionPage';
import { adminStrings } from './strings';
import { WebhookAllowListPage } from './webhooks/WebhookAllowListPage';
import { AddinPage } from './addin/AddinPage';
import { addinPageStrings } from './addin/strings';
import { InstallationSettingsPage } from './installation/InstallationSettingsPage';
import { installationStrings } from './installation/strings';
import { RoomSettingsPage } from './roomSettings/RoomSettingsPage';
import { roomSettingsStrings } from './roomSettings/strings';
import { UsersPage } from './users/UsersPage';
import { DisplaysPage } from './displays/DisplaysPage';
import { SignInSettingsPage } from './signIn/SignInSettingsPage';
import { signInStrings } from './signIn/strings';
import { displaysStrings } from './displays/strings';
import { usersStrings } from './users/strings';
import { ExternalsPage } from './externals/ExternalsPage';
import { externalsStrings } from './externals/strings';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  tabActive: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
});

const SECTIONS = [
  { path: 'integration', label: adminStrings.tabs.integration, page: <IntegrationOverviewPage /> },
  { path: 'exchange', label: adminStrings.tabs.exchange, page: <ExchangeSettingsPage /> },
  { path: 'rooms', label: adminStrings.tabs.rooms, page: <RoomsConnectionPage /> },
  { path: 'room-settings', label: roomSettingsStrings.tab, page: <RoomSettingsPage /> },
  { path: 'locations', label: adminStrings.tabs.locations, page: <LocationsPage /> },
  { path: 'floor-plans', label: adminStrings.tabs.floorPlans, page: <FloorPlansPage /> },
  { path: 'users', label: usersStrings.tab, page: <UsersPage /> },
  { path: 'externals', label: externalsStrings.tab, page: <ExternalsPage /> },
  { path: 'displays', label: displaysStrings.tab, page: <DisplaysPage /> },
  { path: 'installation', label: installationStrings.tab, page: <InstallationSettingsPage /> },
  { path: 'sign-in', label: signInStrings.tab, page: <SignInSettingsPage /> },
  { path: 'addin', label: addinPageStrings.tab, page: <AddinPage /> },
  { path: 'webhooks', label: adminStrings.tabs.webhooks, page: <WebhookAllowListPage /> },
] as const;

/** `/admin` itself shows the first section. */
function sectionAt(rest: string) {
  const path = rest.replace(/\/+$/, '');
  return path === '' ? SECTIONS[0] : SECTIONS.find((section) => section.path === path);
}

/**
 * Route `/admin/*`: the admin pages, one lazy chunk. The server refuses non-admins anyway; this
 * only spares them a page full of 403s when they type the address.
 */
export function AdminPages() {
  const styles = useStyles();
  const user = useSignedInUser();
  const rest = useLocation().pathname.replace(/^\/admin\/?/, '');
  if (!mayOpen('admin', user.role)) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{adminStrings.area.forbidden}</MessageBarBody>
      </MessageBar>
    );
  }
  // The section is picked here rather than with <Routes>/useParams: react-router's vendor module
  // would otherwise keep descendant route matching in the first page's download.
  const current = sectionAt(rest);
  return (
    <div className={styles.area}>
      <nav aria-label={adminStrings.area.label}>
        <ul className={styles.tabs}>
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <Link
                to={`/admin/${section.path}`}
                aria-current={section === current ? 'page' : undefined}
                className={mergeClasses(styles.tab, section === current && styles.tabActive)}
              >
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current ? current.page : <NotFoundPage />}
    </div>
  );
}
