import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    width: '100%',
    maxWidth: '400px',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
});

/**
 * A page that is one card in the middle of the screen: signing in, choosing a new password, an
 * external's invitation. `maxWidth` in px (400 by default).
 */
export function CardPage({ children, maxWidth }: { readonly children: ReactNode; readonly maxWidth?: number }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <div className={styles.card} style={maxWidth === undefined ? undefined : { maxWidth: `${maxWidth}px` }}>
        {children}
      </div>
    </main>
  );
}
