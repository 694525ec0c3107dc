import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { externalsStrings as text } from './strings';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  link: { flexGrow: 1, minWidth: '240px', fontFamily: tokens.fontFamilyMonospace },
});

/** The invitation link shown to the admin right after inviting, to pass on by hand. */
export function InvitationLink({ url }: { url: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.row}>
      <Field label={text.invite.linkLabel} hint={text.invite.linkHint} className={styles.link}>
        <Input readOnly value={url} />
      </Field>
      <Button
        onClick={() =>
          void navigator.clipboard
            .writeText(url)
            .then(() => setCopied(true))
            .catch(() => setCopied(false))
        }
      >
        {copied ? text.invite.copied : text.invite.copy}
      </Button>
    </div>
  );
}
