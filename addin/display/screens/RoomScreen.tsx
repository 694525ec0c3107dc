import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { PeopleRegular, WifiOffRegular } from '@fluentui/react-icons';
import type { DisplayState } from '../../../shared/schemas/displays';
import type { ClockView } from '../model/clockState';
import { clockTime, longDate } from '../model/format';
import type { ActionResult, DisplayAction } from '../live/displayApi';
import { displayStrings } from '../strings';
import { ActionPanel } from './ActionPanel';
import { STATE_LOOKS } from './stateLook';
import { Timeline } from './Timeline';

const ellipsis = { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    // Room for the burn-in shift (±4 px) inside the viewport.
    width: 'calc(100vw - 16px)',
    height: 'calc(100dvh - 16px)',
    margin: '8px',
    display: 'grid',
    gap: '2vmin',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gridTemplateRows: 'auto minmax(0, 1fr) auto',
    gridTemplateAreas: '"top top" "status side" "timeline timeline"',
    overflow: 'hidden',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    // Fluent's base line height is in pixels (20 px); these sizes follow the screen.
    lineHeight: 1.25,
    '@media (orientation: portrait)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateRows: 'auto minmax(0, 3fr) minmax(0, 2fr) auto',
      gridTemplateAreas: '"top" "status" "side" "timeline"',
    },
  },
  top: { gridArea: 'top', display: 'flex', alignItems: 'baseline', gap: '2vmin', minWidth: 0 },
  roomName: { ...ellipsis, margin: 0, fontSize: '5.5vmin', fontWeight: tokens.fontWeightBold, flexShrink: 1 },
  facts: {
    ...ellipsis,
    display: 'flex',
    alignItems: 'center',
    gap: '1.5vmin',
    fontSize: '2.6vmin',
    color: tokens.colorNeutralForeground2,
    flexShrink: 1,
  },
  tag: {
    paddingInline: '1vmin',
    borderRadius: '0.8vmin',
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: 'nowrap',
  },
  clockBox: { marginInlineStart: 'auto', textAlign: 'end', flexShrink: 0 },
  clock: { fontSize: '5.5vmin', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  date: { fontSize: '2.2vmin', color: tokens.colorNeutralForeground3 },
  offline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '1vmin',
    padding: '0.6vmin 1.6vmin',
    borderRadius: '1vmin',
    fontSize: '2.6vmin',
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralForeground1,
    color: tokens.colorNeutralBackground1,
    whiteSpace: 'nowrap',
    flexShrink: 0,
  },
  status: {
    gridArea: 'status',
    borderRadius: '2vmin',
    padding: '3vmin',
    display: 'flex',
    flexDirection: 'column',
    gap: '1.5vmin',
    minWidth: 0,
    minHeight: 0,
    overflow: 'hidden',
  },
  word: { display: 'flex', alignItems: 'center', gap: '2vmin', fontSize: '10vmin', fontWeight: 800, lineHeight: 1 },
  left: { fontSize: '3.6vmin', fontWeight: tokens.fontWeightSemibold },
  meeting: { display: 'flex', flexDirection: 'column', gap: '0.6vmin', minWidth: 0 },
  title: { ...ellipsis, fontSize: '4.4vmin', fontWeight: tokens.fontWeightSemibold },
  sub: { ...ellipsis, fontSize: '3vmin' },
  chip: {
    alignSelf: 'flex-start',
    fontSize: '2.4vmin',
    padding: '0.3vmin 1.2vmin',
    borderRadius: '0.8vmin',
    border: '2px solid currentColor',
  },
  actions: {
    marginTop: 'auto',
    padding: '2vmin',
    borderRadius: '1.6vmin',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  side: {
    gridArea: 'side',
    display: 'flex',
    flexDirection: 'column',
    gap: '2vmin',
    minWidth: 0,
    minHeight: 0,
    overflow: 'hidden',
  },
  sectionTitle: {
    margin: 0,
    fontSize: '2.8vmin',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '1vmin' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: '2vmin',
    alignItems: 'baseline',
    padding: '1.2vmin 1.6vmin',
    borderRadius: '1.2vmin',
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: '3vmin',
  },
  time: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  itemText: { ...ellipsis },
  muted: { fontSize: '2.8vmin', color: tokens.colorNeutralForeground3, margin: 0 },
  timeline: { gridArea: 'timeline', minWidth: 0 },
});

export interface RoomScreenProps {
  readonly state: DisplayState;
  readonly view: ClockView;
  readonly now: number;
  /** Null while the server answers; the time it last did otherwise. */
  readonly offlineSince: number | null;
  readonly act: (action: DisplayAction, requestId: string, pin: string | null) => Promise<ActionResult>;
  /** The burn-in shift in pixels (at most 4 each way: the page keeps an 8 px margin for it). */
  readonly shift?: { readonly x: number; readonly y: number };
}

/** The room's wall: readable from 3 m (sizes follow the screen's shorter side), never scrolling. */
export function RoomScreen({ state, view, now, offlineSince, act, shift = { x: 0, y: 0 } }: RoomScreenProps) {
  const styles = useStyles();
  const zone = state.room.timeZone;
  const words = displayStrings;
  const look = STATE_LOOKS[view.state];
  const time = (instant: string): string => clockTime(instant, zone);
  const until = view.current ? time(view.current.end) : view.next[0] ? time(view.next[0].start) : null;
  const shownMeeting =
    view.current ?? (view.state === 'starting-soon' || view.state === 'awaiting-check-in' ? view.next[0] : undefined);
  const laterMeetings = view.next.filter((m) => m !== shownMeeting);
  return (
    <main
      className={styles.root}
      data-state={view.state}
      style={{ transform: `translate(${shift.x}px, ${shift.y}px)` }}
    >
      <header className={styles.top}>
        <h1 className={styles.roomName}>{state.room.name}</h1>
        <div className={styles.facts}>
          <span>
            <PeopleRegular aria-hidden /> {words.capacity(state.room.capacity)}
          </span>
          {state.room.tags.slice(0, 3).map((tag) => (
            <span key={tag} className={styles.tag}>
              {tag}
            </span>
          ))}
        </div>
        {offlineSince !== null && (
          <span className={styles.offline} role="status">
            <WifiOffRegular aria-hidden /> {words.offlineSince(clockTime(offlineSince, zone))}
          </span>
        )}
        <div className={styles.clockBox}>
          <div className={styles.clock} aria-label="Time">
            {clockTime(now, zone)}
          </div>
          <div className={styles.date}>{longDate(now, zone)}</div>
        </div>
      </header>

      <section
        className={styles.status}
        style={{ backgroundColor: look.background, color: look.foreground }}
        aria-label={words.state[view.state]}
      >
        <div className={styles.word}>
          {look.icon}
          <span>{words.state[view.state]}</span>
        </div>
        <div className={styles.left}>{words.minutesLeft(view.state, view.minutesLeft, until)}</div>
        {shownMeeting && (
          <div className={styles.meeting}>
            <div className={styles.title}>{shownMeeting.title}</div>
            <div className={styles.sub}>
              {words.meetingTime(time(shownMeeting.start), time(shownMeeting.end))}
              {shownMeeting.organizer ? ` · ${words.organizer(shownMeeting.organizer)}` : ''}
            </div>
            {shownMeeting.status === 'pending' && <span className={styles.chip}>{words.pending}</span>}
            {shownMeeting.checkedIn && <span className={styles.chip}>{words.checkedIn}</span>}
          </div>
        )}
        <div className={styles.actions}>
          <ActionPanel state={state} view={view} online={offlineSince === null} act={act} />
        </div>
      </section>

      <aside className={styles.side}>
        {view.taken && state.nearestFree.length > 0 && (
          <section aria-label={words.nearestFree}>
            <h2 className={styles.sectionTitle}>{words.nearestFree}</h2>
            <ul className={styles.list}>
              {state.nearestFree.slice(0, 3).map((room) => (
                <li key={room.id} className={styles.item}>
                  <span className={styles.time}>{room.name}</span>
                  <span className={styles.itemText}>
                    {room.sameFloor ? words.sameFloor : room.floorName} · {words.capacity(room.capacity)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-label={words.next}>
          <h2 className={styles.sectionTitle}>{words.next}</h2>
          {laterMeetings.length === 0 ? (
            <p className={styles.muted}>{words.nothingNext}</p>
          ) : (
            <ul className={styles.list}>
              {laterMeetings.map((m) => (
                <li key={m.start} className={mergeClasses(styles.item)}>
                  <span className={styles.time}>{words.meetingTime(time(m.start), time(m.end))}</span>
                  <span className={styles.itemText}>
                    {m.title}
                    {m.organizer ? ` · ${m.organizer}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>

      <div className={styles.timeline}>
        <Timeline meetings={view.today} now={now} timeZone={zone} />
      </div>
    </main>
  );
}
