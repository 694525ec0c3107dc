import { Body1, Caption1, Link, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { PaneTheme } from './PaneTheme';
import { strings } from './strings';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  title: { margin: 0 },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/**
 * The taskpane opened outside Outlook (or Outlook would not start it): how to open it properly,
 * and the preview to try it in this browser, instead of a bare error.
 */
export function OutsideOutlook({ detail }: { detail: string | undefined }) {
  const styles = useStyles();
  const preview = `${window.location.pathname}?preview=1`;
  return (
    <PaneTheme>
      <main className={styles.root}>
        <Subtitle1 as="h1" className={styles.title}>
          {strings.outside.title}
        </Subtitle1>
        <Body1>{strings.outside.intro}</Body1>
        <ol className={styles.steps}>
          {strings.outside.steps.map((step) => (
            <li key={step}>
              <Body1>{step}</Body1>
            </li>
          ))}
        </ol>
        <Body1>
          {strings.outside.previewLead} <Link href={preview}>{strings.outside.previewLink}</Link>
        </Body1>
        {detail ? <Caption1 className={styles.detail}>{strings.outside.detail(detail)}</Caption1> : null}
      </main>
    </PaneTheme>
  );
}
