import { Fragment, Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { LoadingState } from '../../ui/StatusViews';
import { useApi } from '../../ui/hooks/useApi';
import { isLinkRequired } from './linkRequired';

// Needed once per user at most: loaded when a call answers link-required, not with the pane.
const LinkForm = lazy(async () => ({
  default: (await import(/* webpackChunkName: "link" */ './LinkForm.js')).LinkForm,
}));

/**
 * Shows the one-time sign-in instead of the pane as soon as any call answers 401 `link-required`,
 * and afterwards mounts the pane afresh, so that everything it was loading is asked for again.
 */
export function LinkGate({ children }: { children: ReactNode }) {
  const client = useApi();
  const [required, setRequired] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(
    () =>
      client.onUnauthenticated((error) => {
        if (isLinkRequired(error)) setRequired(true);
      }),
    [client],
  );

  if (required) {
    return (
      <Suspense fallback={<LoadingState />}>
        <LinkForm
          onLinked={() => {
            setRequired(false);
            setGeneration((n) => n + 1);
          }}
        />
      </Suspense>
    );
  }
  return <Fragment key={generation}>{children}</Fragment>;
}
