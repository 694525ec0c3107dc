import { Button, Field, Select, Slider, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { locationsEndpoints } from '../../../../shared/api/locations';
import { planEndpoints } from '../../../../shared/api/plan';
import { PLAN_STATES, type FloorOccupancy, type PlanRoom } from '../../../../shared/schemas/plan';
import { EmptyState, ErrorState, LoadingState, WarningNote } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { useSignedInUser } from '../../../ui/session/useSession';
import { RoomBookingDialog } from '../bookings/BookingDialog';
import { FloorPlanView } from './FloorPlanView';
import { PlanBooking } from './planBooking';
import { RoomFacts, type BookingSlot } from './RoomFacts';
import { RoomList } from './RoomList';
import { StateBadge } from './StateBadge';
import { instantOfStep, localHorizonEnd, STEP_MS, stepsUntil } from './planTime';
import { planStrings as s } from './strings';
import { useNarrow, usePlanEvents } from './usePlanEvents';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  title: { margin: 0 },
  pickers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  picker: { minWidth: '160px', maxWidth: '100%' },
  time: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  slider: { flexGrow: 1, minWidth: '200px', maxWidth: '640px' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(240px, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

const PLACE_KEY = 'roomserve.plan.place';
/** While showing "now", states move with the clock (starting soon, ending soon) even without a change. */
const NOW_REFRESH_MS = 60_000;

interface Place {
  readonly buildingId?: string;
  readonly floorId?: string;
}

function rememberedPlace(): Place {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(PLACE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { buildingId, floorId } = parsed as Record<string, unknown>;
    return {
      ...(typeof buildingId === 'string' ? { buildingId } : {}),
      ...(typeof floorId === 'string' ? { floorId } : {}),
    };
  } catch {
    return {};
  }
}

const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Route `/plan`: the live office plan. */
export function PlanPage() {
  const styles = useStyles();
  const api = useApi();
  const [place, setPlace] = useState<Place>(rememberedPlace);
  const buildings = useAsync('plan:buildings', (signal) => api.call(locationsEndpoints.listBuildings, { signal }));
  const buildingList = buildings.state.status === 'success' ? buildings.state.data : [];
  const buildingId = buildingList.some((b) => b.id === place.buildingId) ? place.buildingId : buildingList[0]?.id;
  const floors = useAsync(`plan:floors:${buildingId ?? ''}`, (signal) =>
    buildingId === undefined
      ? Promise.resolve([])
      : api.call(locationsEndpoints.listFloors, { query: { buildingId }, signal }),
  );
  const floorList = floors.state.status === 'success' ? floors.state.data : [];
  const floorId = floorList.some((f) => f.id === place.floorId) ? place.floorId : floorList[0]?.id;

  useEffect(() => {
    if (buildingId !== undefined && floorId !== undefined)
      window.localStorage.setItem(PLACE_KEY, JSON.stringify({ buildingId, floorId }));
  }, [buildingId, floorId]);

  if (buildings.state.status === 'loading') return <LoadingState />;
  if (buildings.state.status === 'error') return <ErrorState error={buildings.state.error} onRetry={buildings.retry} />;
  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {s.title}
      </Title2>
      <Text className={styles.muted}>{s.intro}</Text>
      {buildingList.length === 0 ? (
        <EmptyState title={s.noBuildings} />
      ) : (
        <div className={styles.pickers}>
          <Field label={s.building} className={styles.picker}>
            <Select value={buildingId ?? ''} onChange={(_e, d) => setPlace({ buildingId: d.value })}>
              {buildingList.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.floor} className={styles.picker}>
            <Select value={floorId ?? ''} onChange={(_e, d) => setPlace({ buildingId, floorId: d.value })}>
              {floorList.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {floors.state.status === 'success' && floorList.length === 0 && buildingId !== undefined ? (
        <EmptyState title={s.noFloors} />
      ) : null}
      {floorId !== undefined ? <FloorOccupancyView key={floorId} floorId={floorId} /> : null}
    </div>
  );
}

function FloorOccupancyView({ floorId }: { floorId: string }) {
  const styles = useStyles();
  const api = useApi();
  const user = useSignedInUser();
  const narrow = useNarrow(320);
  const [openedAt] = useState(() => Date.now());
  const [step, setStep] = useState(0);
  const [selectedId, setSelectedId] = useState<string>();
  const at = instantOfStep(openedAt, step);
  const atIso = at === undefined ? undefined : new Date(at).toISOString();
  const { state, retry, refresh } = useAsync(`plan:occupancy:${floorId}:${atIso ?? 'now'}`, (signal) =>
    api.call(planEndpoints.floorOccupancy, {
      params: { id: floorId },
      query: atIso === undefined ? {} : { at: atIso },
      signal,
    }),
  );
  const { live } = usePlanEvents(floorId, refresh);
  useEffect(() => {
    if (at !== undefined) return undefined;
    // refresh() keeps the shown answer until the new one arrives.
    const timer = setInterval(refresh, NOW_REFRESH_MS);
    return () => clearInterval(timer);
  }, [at, refresh]);

  const data = state.status === 'success' ? state.data : undefined;
  const horizonEnd = data ? Date.parse(data.horizon.to) : localHorizonEnd(openedAt);
  const maxStep = stepsUntil(openedAt, horizonEnd);
  // Booking from the plan offers half an hour from the quarter hour the plan shows (or the next one).
  const shownAt = data ? Date.parse(data.at) : openedAt;
  const slot = useMemo(() => {
    const start = Math.ceil(shownAt / STEP_MS) * STEP_MS;
    return { start: new Date(start), end: new Date(start + 2 * STEP_MS) };
  }, [shownAt]);

  // The slot is the one shown when Book was pressed: later pushes move the plan's instant on.
  const [booking, setBooking] = useState<{ room: PlanRoom; slot: BookingSlot }>();
  const book = (room: PlanRoom) => setBooking({ room, slot });

  return (
    <PlanBooking value={book}>
      <div className={styles.time}>
        <Field label={s.time} className={styles.slider}>
          <Slider
            min={0}
            max={Math.max(1, maxStep)}
            step={1}
            value={Math.min(step, maxStep)}
            onChange={(_e, d) => setStep(d.value)}
            aria-valuetext={at === undefined ? s.showingNow : whenFormat.format(at)}
          />
        </Field>
        <Text aria-live="polite" data-testid="plan-time">
          {s.timeValue(at === undefined ? s.showingNow : whenFormat.format(at))}
        </Text>
        <Button disabled={step === 0} onClick={() => setStep(0)}>
          {s.now}
        </Button>
        <Text className={styles.muted} data-testid="plan-live">
          {live ? s.live : ''}
        </Text>
      </div>
      <ul className={styles.legend} aria-label={s.legend}>
        {PLAN_STATES.map((st) => (
          <li key={st}>
            <StateBadge state={st} />
          </li>
        ))}
      </ul>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
      {data ? (
        <Occupancy
          data={data}
          narrow={narrow}
          isAdmin={user.role === 'admin'}
          selectedId={selectedId}
          onPoint={setSelectedId}
        />
      ) : null}
      {booking ? (
        <RoomBookingDialog
          room={booking.room}
          slot={booking.slot}
          onBooked={refresh}
          onClose={() => setBooking(undefined)}
        />
      ) : null}
    </PlanBooking>
  );
}

function Occupancy({
  data,
  narrow,
  isAdmin,
  selectedId,
  onPoint,
}: {
  data: FloorOccupancy;
  narrow: boolean;
  isAdmin: boolean;
  selectedId: string | undefined;
  onPoint: (id: string) => void;
}) {
  const styles = useStyles();
  const { floor, rooms } = data;
  if (rooms.length === 0) return <EmptyState title={s.noRooms} />;
  const listLabel = s.roomList(floor.name);
  const list = <RoomList label={listLabel} rooms={rooms} timeZone={floor.timeZone} />;
  if (floor.plan === null || narrow) {
    return (
      <>
        {floor.plan === null ? (
          isAdmin ? (
            <>
              <WarningNote text={s.noPlanAdmin} />
              <Link to="/admin/floor-plans">{s.openFloorPlans}</Link>
            </>
          ) : (
            <Text className={styles.muted}>{s.noPlan}</Text>
          )
        ) : null}
        {list}
      </>
    );
  }
  const selected = rooms.find((r) => r.id === selectedId);
  const unplaced = rooms.filter((r) => r.shape === null);
  return (
    <div className={styles.columns}>
      <div>
        <FloorPlanView
          plan={floor.plan}
          label={s.planLabel(floor.name, floor.buildingName)}
          rooms={rooms}
          timeZone={floor.timeZone}
          selectedId={selectedId}
          onPoint={onPoint}
        />
        {unplaced.length > 0 ? (
          <>
            <Text block className={styles.muted}>
              {s.unplaced(unplaced.length)}
            </Text>
            <RoomList label={listLabel} rooms={unplaced} timeZone={floor.timeZone} />
          </>
        ) : null}
      </div>
      <aside aria-live="polite">
        {selected ? (
          <RoomFacts room={selected} timeZone={floor.timeZone} />
        ) : (
          <Text className={styles.muted}>{s.hint}</Text>
        )}
      </aside>
    </div>
  );
}
