import { Badge, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { externalsEndpoints } from '../../../../../shared/api/externals';
import type { External } from '../../../../../shared/schemas/externals';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { adminErrorText } from '../apiErrors';
import { formatInstant } from '../format';
import { DeactivateDialog } from './DeactivateDialog';
import { dayOfExpiry, expiryOfDay } from './expiryDate';
import { InvitationLink } from './InvitationLink';
import { externalsStrings as text } from './strings';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  quiet: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  notes: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const STATUS_COLOR = { invited: 'informative', active: 'success', expired: 'warning', deactivated: 'subtle' } as const;

/** One external: who, where they stand, their bookings; end date, a new link, deactivation. */
export function ExternalRow({ initial, onChanged }: { initial: External; onChanged: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [external, setExternal] = useState(initial);
  const [day, setDay] = useState(dayOfExpiry(initial.accessExpiresAt));
  const [done, setDone] = useState<string>();
  const [link, setLink] = useState<string>();
  const { busy, problem, submit } = useSubmit(adminErrorText);

  const saveExpiry = (accessExpiresAt: string | null) =>
    void submit(async () => {
      const next = await api.call(externalsEndpoints.setExpiry, {
        params: { id: external.id },
        body: { accessExpiresAt },
      });
      setExternal(next);
      setDay(dayOfExpiry(next.accessExpiresAt));
      setDone(text.list.expirySaved(next.name));
    });

  const newLink = () =>
    void submit(async () => {
      const invitation = await api.call(externalsEndpoints.newInvitationLink, { params: { id: external.id } });
      setLink(invitation.link ?? undefined);
      setDone(text.invite.sent(invitation.name, invitation.email));
      onChanged();
    });

  return (
    <li className={styles.row} aria-label={external.name}>
      <div className={styles.who}>
        <span>
          <Text weight="semibold">{external.name}</Text> <Text>· {text.list.company(external.company)}</Text>
        </span>
        <Text size={200} className={styles.quiet}>
          {external.email}
        </Text>
        <Text size={200} className={styles.quiet}>
          {external.lastSignInAt ? text.list.lastSignIn(formatInstant(external.lastSignInAt)) : text.list.neverSignedIn}
          {' · '}
          {text.list.bookings(external.bookings, external.openBookings)}
        </Text>
        <div>
          <Badge appearance="tint" color={STATUS_COLOR[external.status]}>
            {text.list.status[external.status]}
          </Badge>
        </div>
      </div>
      <div className={styles.controls}>
        <Field label={text.list.expiry}>
          <Input
            type="date"
            aria-label={text.list.expiryOf(external.name)}
            value={day}
            onChange={(_e, d) => setDay(d.value)}
          />
        </Field>
        <Button disabled={busy || expiryOfDay(day) === null} onClick={() => saveExpiry(expiryOfDay(day))}>
          {text.list.saveExpiry}
        </Button>
        {external.accessExpiresAt !== null ? (
          <Button disabled={busy} onClick={() => saveExpiry(null)}>
            {text.list.clearExpiry}
          </Button>
        ) : null}
        {external.status !== 'active' ? (
          <Button disabled={busy} aria-label={text.list.newLinkFor(external.name)} onClick={newLink}>
            {text.list.newLink}
          </Button>
        ) : null}
        {external.status !== 'deactivated' ? (
          <DeactivateDialog
            external={external}
            trigger={<Button aria-label={text.list.deactivateFor(external.name)}>{text.list.deactivate}</Button>}
            onDone={(result) => {
              setExternal((e) => ({ ...e, status: 'deactivated', openBookings: 0 }));
              setDone(text.deactivate.done(external.name, result.cancelled, result.failed));
              onChanged();
            }}
          />
        ) : null}
      </div>
      <div className={styles.notes}>
        {problem !== undefined ? <ProblemNote text={problem} /> : null}
        {done !== undefined ? <SuccessNote text={done} /> : null}
        {link !== undefined ? <InvitationLink url={link} /> : null}
      </div>
    </li>
  );
}
