import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useAsync } from '../../../ui/hooks/useAsync';
import { LoadingState } from '../../../ui/StatusViews';
import { AdminError } from './AdminError';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  title: { margin: 0 },
});

export interface AdminSettingsPageProps<T> {
  readonly title: string;
  readonly intro: string;
  /** useAsync's key and loader for what the form edits. */
  readonly load: { readonly key: string; readonly fetch: (signal: AbortSignal) => Promise<T> };
  /** The form, once the current settings have arrived. */
  readonly children: (current: T) => ReactNode;
}

/** An admin page that loads one set of settings and shows its form: title, intro, loading and retry. */
export function AdminSettingsPage<T>({ title, intro, load, children }: AdminSettingsPageProps<T>) {
  const styles = useStyles();
  const titleId = useId();
  const { state, retry } = useAsync(load.key, load.fetch);
  return (
    <section className={styles.page} aria-labelledby={titleId}>
      <Title2 as="h1" id={titleId} className={styles.title}>
        {title}
      </Title2>
      <Text>{intro}</Text>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' ? children(state.data) : null}
    </section>
  );
}
