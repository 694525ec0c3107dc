import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { BuildingRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import type { User } from '../../../shared/schemas/auth';
import { NAV_ITEMS, visibleNavItems } from '../navigation';
import { strings } from '../strings';
import { SimulatedExchangeBanner } from './SimulatedExchangeBanner';
import { UserMenu } from './UserMenu';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': {
      left: tokens.spacingHorizontalS,
      top: tokens.spacingVerticalS,
      zIndex: 10,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
    textDecoration: 'none',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
  },
  nav: { flexGrow: 1, minWidth: 0 },
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  navLink: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1 },
  },
  navLinkActive: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
  },
  main: {
    flexGrow: 1,
    width: '100%',
    maxWidth: '1280px',
    boxSizing: 'border-box',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    ':focus': { outlineStyle: 'none' },
  },
});

/** The frame around every signed-in page: product name, the pages this user may open, the user menu. */
export function AppShell({ user, children }: { user: User; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <a className={styles.skip} href="#main">
        {strings.skipToContent}
      </a>
      <header className={styles.bar}>
        <Link to="/" className={styles.brand}>
          <BuildingRegular aria-hidden fontSize={20} />
          <Text weight="semibold" size={400} as="span">
            {strings.productName}
          </Text>
        </Link>
        <nav className={styles.nav} aria-label={strings.nav.label}>
          <ul className={styles.navList}>
            {visibleNavItems(NAV_ITEMS, user.role).map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === '/'}
                  className={({ isActive }) => mergeClasses(styles.navLink, isActive && styles.navLinkActive)}
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <UserMenu user={user} />
      </header>
      <SimulatedExchangeBanner />
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </div>
  );
}
