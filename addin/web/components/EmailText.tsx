import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { Fragment } from 'react';

const useStyles = makeStyles({
  // The cell around may allow breaks anywhere; an address breaks only at the <wbr>s below.
  email: { overflowWrap: 'normal', wordBreak: 'normal' },
});

/**
 * An email address that may wrap only after its "@" and dots, never inside a word: long
 * addresses in narrow cells break where a reader expects, e.g. "orders.hafenkueche@" / "northwind.test".
 */
export function EmailText({ email, className }: { email: string; className?: string }) {
  const styles = useStyles();
  const parts = email.split(/(?<=[@.])/);
  return (
    <span className={mergeClasses(styles.email, className)}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
