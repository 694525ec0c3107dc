import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  DismissCircleRegular,
  LockClosedRegular,
  PlugConnectedRegular,
  PlugDisconnectedRegular,
} from '@fluentui/react-icons';
import type { Display } from '../../../../../shared/schemas/displays';
import { formatInstant } from '../format';
import { PinDialog } from './PinDialog';
import { RevokeDialog } from './RevokeDialog';
import { displaysStrings as text } from './strings';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  what: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
    '& dt': { color: tokens.colorNeutralForeground3 },
  },
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
});

const STATUS_COLOR = { 'awaiting-pairing': 'warning', 'pairing-expired': 'danger', paired: 'success' } as const;

/** One display: its state in words (never colour alone), and its PIN and revoke buttons. */
export function DisplayRow({ display, onChanged }: { display: Display; onChanged: (said: string) => void }) {
  const styles = useStyles();
  const paired = display.status === 'paired';
  return (
    <li className={styles.row} aria-label={display.roomName}>
      <div className={styles.what}>
        <Text weight="semibold">{display.roomName}</Text>
        <div className={styles.badges}>
          <Badge appearance="tint" color={STATUS_COLOR[display.status]}>
            {text.list.status[display.status]}
          </Badge>
          {paired ? (
            <Badge
              appearance="tint"
              color={display.online ? 'success' : 'subtle'}
              icon={display.online ? <PlugConnectedRegular /> : <PlugDisconnectedRegular />}
            >
              {display.online ? text.list.online : text.list.offline}
            </Badge>
          ) : null}
        </div>
        <dl className={styles.facts}>
          <dt>{text.list.lastSeen}</dt>
          <dd>{formatInstant(display.lastSeenAt, text.list.never)}</dd>
          <dt>{text.list.appVersion}</dt>
          <dd>{display.appVersion ?? text.list.unknownVersion}</dd>
          <dt>{text.list.pin}</dt>
          <dd>
            {display.pinSet ? <CheckmarkCircleRegular aria-hidden /> : <DismissCircleRegular aria-hidden />}{' '}
            {display.pinSet ? text.list.pinSet : text.list.pinNotSet}
          </dd>
        </dl>
      </div>
      <div className={styles.controls}>
        <PinDialog
          display={display}
          onSaved={onChanged}
          trigger={
            <Button icon={<LockClosedRegular />} aria-label={text.list.setPinFor(display.roomName)}>
              {text.list.setPin}
            </Button>
          }
        />
        <RevokeDialog
          display={display}
          onRevoked={onChanged}
          trigger={<Button aria-label={text.list.revokeFor(display.roomName)}>{text.list.revoke}</Button>}
        />
      </div>
    </li>
  );
}
