import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { bookingsEndpoints } from '../../../../shared/api/bookings';
import { eventsEndpoints } from '../../../../shared/api/events';
import type { EventView } from '../../../../shared/schemas/events';
import { useApi } from '../../../ui/hooks/useApi';
import { formatClock, formatDayClock } from '../../../ui/time';
import { EventEditor } from './EventEditor';
import { eventStrings as s } from './strings';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** An event as the organizer's copy in Exchange holds it, with each attendee's answer; follows the room's answer. */
export function EventDetails({ event, onClose }: { event: EventView; onClose: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [shown, setShown] = useState(event);
  // Bumped after a change or cancellation from the editor: the organizer's copy is read again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const follow = async () => {
      // Wait for the room's answer (a long poll); if that fails, the event is read as it stands.
      if (event.status === 'pending' && version === 0)
        await api
          .call(bookingsEndpoints.getBooking, {
            params: { id: event.id },
            query: { wait: 10 },
            signal: controller.signal,
          })
          .catch(() => undefined);
      setShown(await api.call(eventsEndpoints.getEvent, { params: { id: event.id }, signal: controller.signal }));
    };
    follow().catch(() => undefined);
    return () => controller.abort();
  }, [api, event, version]);

  return (
    <section className={styles.card} aria-label={s.view.title}>
      <Text weight="semibold" size={400}>
        {shown.title}
      </Text>
      <Text>
        {shown.roomName} · {formatDayClock(shown.start)} – {formatClock(shown.end)}
      </Text>
      <Badge
        appearance="tint"
        color={shown.status === 'confirmed' ? 'success' : shown.status === 'pending' ? 'informative' : 'danger'}
      >
        {s.view.status[shown.status]}
      </Badge>
      {shown.declinedReason ? <Text>{shown.declinedReason}</Text> : null}
      {shown.attendees.length > 0 ? (
        <ul className={styles.list} aria-label={s.view.attendees}>
          {shown.attendees.map((a) => (
            <li key={a.email}>
              {a.name} ({a.type === 'optional' ? `${s.form.optional.toLowerCase()}, ` : ''}
              {s.view.responses[a.response]})
            </li>
          ))}
        </ul>
      ) : null}
      {shown.status === 'confirmed' ? <EventEditor event={shown} onChanged={() => setVersion((v) => v + 1)} /> : null}
      <Button onClick={onClose}>{s.view.close}</Button>
    </section>
  );
}
