import { Badge, Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { KeyResetRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { usersEndpoints } from '../../../../../shared/api/users';
import type { User } from '../../../../../shared/schemas/auth';
import { ROLES, type Role } from '../../../../../shared/schemas/users';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { useSignedInUser } from '../../../../ui/session/useSession';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { complaint, formProblems, NO_PROBLEMS } from '../apiErrors';
import { DeactivateDialog } from '../externals/DeactivateDialog';
import { externalsStrings } from '../externals/strings';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { usersStrings as text } from './strings';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  email: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  notes: { gridColumn: '1 / -1' },
});

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** One user: role and active switch saved at once, a password reset shown once. */
export function UserRow({ initial }: { initial: User }) {
  const styles = useStyles();
  const api = useApi();
  const me = useSignedInUser();
  const [user, setUser] = useState(initial);
  const [done, setDone] = useState<string>();
  const { busy, problem, submit } = useSubmit(formProblems);
  const problems = problem ?? NO_PROBLEMS;
  const isMe = user.id === me.id;

  const change = (patch: { role?: Role; active?: boolean }, said: (u: User) => string) => {
    setDone(undefined);
    void submit(async () => {
      const next = await api.call(usersEndpoints.update, { params: { id: user.id }, body: patch });
      setUser(next);
      setDone(said(next));
    });
  };

  return (
    <li className={styles.row}>
      <div className={styles.who}>
        <span>
          <Text weight="semibold">{user.name}</Text> {isMe ? <Text>{text.you}</Text> : null}
        </span>
        <Text size={200} className={styles.email}>
          {user.email}
        </Text>
        <div>
          <Badge appearance="tint" color={user.active ? 'success' : 'subtle'}>
            {user.active ? text.active : text.inactive}
          </Badge>
        </div>
      </div>
      <div className={styles.controls}>
        <Field {...complaint(problems, 'role')}>
          <Select
            aria-label={text.roleOf(user.name)}
            value={user.role}
            disabled={busy || isMe}
            onChange={(_e, d) => {
              if (isRole(d.value)) change({ role: d.value }, (u) => text.roleSaved(u.name, text.roles[u.role]));
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {text.roles[r]}
              </option>
            ))}
          </Select>
        </Field>
        {user.role === 'external' && user.active && !isMe ? (
          // The externals' deactivation: it names and cancels their future bookings in Exchange.
          <DeactivateDialog
            external={user}
            trigger={<Button aria-label={text.deactivateFor(user.name)}>{text.deactivate}</Button>}
            onDone={(result) => {
              setUser((u) => ({ ...u, active: false }));
              setDone(externalsStrings.deactivate.done(user.name, result.cancelled, result.failed));
            }}
          />
        ) : (
          <Field {...complaint(problems, 'active')}>
            <Button
              aria-label={user.active ? text.deactivateFor(user.name) : text.reactivateFor(user.name)}
              disabled={busy || isMe}
              onClick={() =>
                change({ active: !user.active }, (u) =>
                  u.active ? text.reactivated(u.name) : text.deactivated(u.name),
                )
              }
            >
              {user.active ? text.deactivate : text.reactivate}
            </Button>
          </Field>
        )}
        {isMe ? null : (
          <ResetPasswordDialog
            user={user}
            trigger={
              <Button icon={<KeyResetRegular />} aria-label={text.resetPasswordFor(user.name)}>
                {text.resetPassword}
              </Button>
            }
          />
        )}
      </div>
      <div className={styles.notes}>
        {problems.message !== undefined ? <ProblemNote text={problems.message} /> : null}
        {done !== undefined ? <SuccessNote text={done} /> : null}
      </div>
    </li>
  );
}
