import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../../ui/hooks/useApi';
import { isLinkRequired } from './linkRequired';
import { LinkForm } from './LinkForm';

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
      <LinkForm
        onLinked={() => {
          setRequired(false);
          setGeneration((n) => n + 1);
        }}
      />
    );
  }
  return <Fragment key={generation}>{children}</Fragment>;
}
