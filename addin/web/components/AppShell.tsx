import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { BuildingRegular, NavigationRegular } from '@fluentui/react-icons';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import type { User } from '../../../shared/schemas/auth';
import { NAV_ITEMS, visibleNavItems } from '../navigation';
import { strings } from '../strings';
import { SimulatedExchangeBanner } from './SimulatedExchangeBanner';
import { UserMenu } from './UserMenu';

/** Below this width the pages' links fold into a "Menu" button, so the top bar stays one row. */
const COMPACT_HEADER = '@media (max-width: 800px)';

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
    position: 'relative',
    display: 'flex',
    flexWrap: 'wrap',
    [COMPACT_HEADER]: { flexWrap: 'nowrap' },
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
  nav: { flexGrow: 1, minWidth: 0, [COMPACT_HEADER]: { display: 'flex', justifyContent: 'flex-end' } },
  menuButton: { display: 'none', [COMPACT_HEADER]: { display: 'inline-flex', marginLeft: 'auto' } },
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    [COMPACT_HEADER]: { display: 'none' },
  },
  // The folded list opens as a panel under the bar, over the page, one link a line.
  navListOpen: {
    [COMPACT_HEADER]: {
      display: 'flex',
      flexDirection: 'column',
      position: 'absolute',
      top: '100%',
      left: 0,
      right: 0,
      zIndex: 5,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      boxShadow: tokens.shadow8,
    },
  },
  navLink: {
    display: 'block',
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
        <MainNav user={user} />
        <UserMenu user={user} />
      </header>
      <SimulatedExchangeBanner />
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </div>
  );
}

/**
 * The pages this user may open. On narrow screens they fold behind a "Menu" disclosure button
 * (aria-expanded, Escape closes it and returns focus); following a link closes it.
 */
function MainNav({ user }: { user: User }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    <nav className={styles.nav} aria-label={strings.nav.label} onKeyDown={onKeyDown}>
      <Button
        ref={button}
        className={styles.menuButton}
        appearance="subtle"
        icon={<NavigationRegular />}
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        {strings.nav.menu}
      </Button>
      <ul id="main-nav-list" className={mergeClasses(styles.navList, open && styles.navListOpen)}>
        {visibleNavItems(NAV_ITEMS, user.role).map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === '/'}
              onClick={() => setOpen(false)}
              className={({ isActive }) => mergeClasses(styles.navLink, isActive && styles.navLinkActive)}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
