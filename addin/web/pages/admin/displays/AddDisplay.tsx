import { Button, Field, Input, Select, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { displaysEndpoints } from '../../../../../shared/api/displays';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote } from '../../../../ui/StatusViews';
import { adminErrorText } from '../apiErrors';
import { PairingQr } from './PairingQr';
import { displaysStrings as text } from './strings';
import { timeLeft, useNow } from './useNow';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 640px)': { flexDirection: 'column', alignItems: 'stretch' },
  },
  room: {
    minWidth: 0,
    flex: '1 1 220px',
    maxWidth: '360px',
    '@media (max-width: 640px)': { flex: '0 0 auto', maxWidth: 'none' },
  },
  // A long room name must not widen the select past its field (it would cover the button).
  select: { minWidth: 0, width: '100%' },
  selectInput: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  addButton: { alignSelf: 'flex-start' },
  panel: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)', justifyItems: 'start' },
  },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  code: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '48px',
    lineHeight: '56px',
    letterSpacing: '0.08em',
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  url: { fontFamily: tokens.fontFamilyMonospace },
  expired: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface Pairing {
  readonly roomName: string;
  readonly pairingCode: string;
  readonly pairingUrl: string;
  readonly expiresAt: string;
}

/** Pick a room, get its one-time pairing code. `onAdded` refreshes the list below. */
export function AddDisplay({ rooms, onAdded }: { rooms: readonly RoomSearchResult[]; onAdded: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [roomId, setRoomId] = useState('');
  const [pairing, setPairing] = useState<Pairing>();
  const { busy, problem, submit, complain } = useSubmit(adminErrorText);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const room = rooms.find((r) => r.id === roomId);
    if (!room) {
      complain(text.add.roomRequired);
      return;
    }
    void submit(async () => {
      const created = await api.call(displaysEndpoints.createDisplay, { body: { roomId: room.id } });
      setPairing({ roomName: room.name, ...created });
      onAdded();
    });
  };

  const sorted = [...rooms].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <form className={styles.form} aria-label={text.add.heading} onSubmit={add} noValidate>
        <Field label={text.add.room} className={styles.room} hint={rooms.length === 0 ? text.add.noRooms : undefined}>
          <Select
            className={styles.select}
            select={{ className: styles.selectInput }}
            value={roomId}
            onChange={(_e, d) => setRoomId(d.value)}
          >
            <option value="">{text.add.pickRoom}</option>
            {sorted.map((room) => (
              <option key={room.id} value={room.id}>
                {`${room.name} · ${room.floorName} · ${room.buildingName}`}
              </option>
            ))}
          </Select>
        </Field>
        <Button className={styles.addButton} type="submit" appearance="primary" icon={<AddRegular />} disabled={busy}>
          {busy ? text.add.adding : text.add.submit}
        </Button>
      </form>
      {problem !== undefined ? <ProblemNote text={problem} /> : null}
      {pairing ? <PairingPanel pairing={pairing} onDone={() => setPairing(undefined)} /> : null}
    </>
  );
}

/** The code large, its QR code and address, and the time left to pair. */
function PairingPanel({ pairing, onDone }: { pairing: Pairing; onDone: () => void }) {
  const styles = useStyles();
  const left = timeLeft(pairing.expiresAt, useNow(1000));
  return (
    <section className={styles.panel} aria-label={text.add.panelLabel(pairing.roomName)}>
      <PairingQr url={pairing.pairingUrl} />
      <div className={styles.details}>
        <Title3 as="h3">{text.add.panelLabel(pairing.roomName)}</Title3>
        <p className={styles.code} aria-label={text.add.code}>
          {pairing.pairingCode}
        </p>
        <Text>{text.add.codeHint}</Text>
        <Field label={text.add.url}>
          <Input readOnly value={pairing.pairingUrl} className={styles.url} />
        </Field>
        {left === null ? (
          <Text role="status" className={styles.expired}>
            {text.add.expired}
          </Text>
        ) : (
          <Text>
            <span role="timer">{text.add.expiresIn(left)}</span> · {text.add.once}
          </Text>
        )}
        <div>
          <Button onClick={onDone}>{text.add.done}</Button>
        </div>
      </div>
    </section>
  );
}
