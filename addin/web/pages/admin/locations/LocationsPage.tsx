import { Button, Text, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { AddRegular, EditRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { locationsEndpoints } from '../../../../../shared/api/locations';
import { roomsEndpoints } from '../../../../../shared/api/rooms';
import type { Building, Floor } from '../../../../../shared/schemas/locations';
import { LoadingState } from '../../../../ui/StatusViews';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { AdminError } from '../AdminError';
import { adminStrings } from '../strings';
import { EditDialog } from './EditDialog';
import { BUILDING_FIELDS, FLOOR_FIELDS, buildingBody, buildingValues, floorBody, floorValues } from './locationForms';
import { RoomList } from './RoomList';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  panelHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  pick: { flexGrow: 1, justifyContent: 'flex-start', minWidth: 0, textAlign: 'start' },
  pickWords: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  picked: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const text = adminStrings.locations;

/** Route `/admin/locations`: buildings → floors → rooms; the selection lives in the URL. */
export function LocationsPage() {
  const styles = useStyles();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((n) => n + 1);
  const { state, retry } = useAsync(`locations:${version}`, async (signal) => {
    const [buildings, floors] = await Promise.all([
      api.call(locationsEndpoints.listBuildings, { signal }),
      api.call(locationsEndpoints.listFloors, { signal }),
    ]);
    return { buildings, floors };
  });
  const buildingId = params.get('building') ?? '';
  const floorId = params.get('floor') ?? '';
  const pick = (building: string, floor = '') =>
    setParams(Object.fromEntries(Object.entries({ building, floor }).filter(([, v]) => v !== '')));

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  const { buildings, floors } = state.data;
  const building = buildings.find((b) => b.id === buildingId);
  const buildingFloors = floors.filter((f) => f.buildingId === buildingId);
  const floor = buildingFloors.find((f) => f.id === floorId);

  const saveBuilding = (existing: Building | undefined) => async (values: Parameters<typeof buildingBody>[0]) => {
    const body = buildingBody(values);
    const saved = existing
      ? await api.call(locationsEndpoints.updateBuilding, { params: { id: existing.id }, body })
      : await api.call(locationsEndpoints.createBuilding, { body });
    reload();
    if (!existing) pick(saved.id);
  };
  const saveFloor = (existing: Floor | undefined) => async (values: Parameters<typeof floorBody>[0]) => {
    const body = floorBody(values);
    const saved = existing
      ? await api.call(locationsEndpoints.updateFloor, { params: { id: existing.id }, body })
      : await api.call(locationsEndpoints.createFloor, { body: { ...body, buildingId } });
    reload();
    if (!existing) pick(buildingId, saved.id);
  };
  const nextLevel = Math.max(-1, ...buildingFloors.map((f) => f.level)) + 1;

  return (
    <section className={styles.page} aria-labelledby="locations-title">
      <Title2 as="h1" id="locations-title" className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      <div className={styles.columns}>
        <Panel
          title={text.buildings}
          id="buildings-title"
          action={
            <EditDialog
              title={text.buildingDialog}
              trigger={<Button icon={<AddRegular />}>{text.newBuilding}</Button>}
              fields={BUILDING_FIELDS}
              initial={buildingValues(undefined)}
              onSave={saveBuilding(undefined)}
            />
          }
        >
          {buildings.length === 0 ? <Text className={styles.muted}>{text.noBuildings}</Text> : null}
          <ul className={styles.list}>
            {buildings.map((b) => (
              <Item
                key={b.id}
                label={b.name}
                detail={b.address}
                picked={b.id === buildingId}
                onPick={() => pick(b.id)}
                edit={
                  <EditDialog
                    title={text.buildingDialog}
                    trigger={<Button appearance="subtle" icon={<EditRegular />} aria-label={text.edit(b.name)} />}
                    fields={BUILDING_FIELDS}
                    initial={buildingValues(b)}
                    onSave={saveBuilding(b)}
                  />
                }
              />
            ))}
          </ul>
        </Panel>
        <Panel
          title={building ? `${text.floors} · ${building.name}` : text.floors}
          id="floors-title"
          action={
            building ? (
              <EditDialog
                title={text.floorDialog}
                trigger={<Button icon={<AddRegular />}>{text.newFloor}</Button>}
                fields={FLOOR_FIELDS}
                initial={floorValues(undefined, nextLevel)}
                onSave={saveFloor(undefined)}
              />
            ) : null
          }
        >
          {!building ? <Text className={styles.muted}>{text.pickBuilding}</Text> : null}
          {building && buildingFloors.length === 0 ? <Text className={styles.muted}>{text.noFloors}</Text> : null}
          <ul className={styles.list}>
            {buildingFloors.map((f) => (
              <Item
                key={f.id}
                label={f.name}
                detail={text.levelOf(f.level)}
                picked={f.id === floorId}
                onPick={() => pick(buildingId, f.id)}
                edit={
                  <EditDialog
                    title={text.floorDialog}
                    trigger={<Button appearance="subtle" icon={<EditRegular />} aria-label={text.edit(f.name)} />}
                    fields={FLOOR_FIELDS}
                    initial={floorValues(f, nextLevel)}
                    onSave={saveFloor(f)}
                  />
                }
              />
            ))}
          </ul>
        </Panel>
        {floor ? (
          <RoomsPanel floor={floor} />
        ) : (
          <Panel title={text.rooms} id="rooms-title">
            <Text className={styles.muted}>{text.pickFloor}</Text>
          </Panel>
        )}
      </div>
    </section>
  );
}

function RoomsPanel({ floor }: { floor: Floor }) {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const { state, retry } = useAsync(`floor-rooms:${floor.id}:${version}`, (signal) =>
    api.call(roomsEndpoints.searchRooms, { query: { floor: floor.id, pageSize: 100 }, signal }),
  );
  return (
    <Panel title={`${text.rooms} · ${floor.name}`} id="rooms-title">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' ? (
        <RoomList floor={floor} rooms={state.data.items} onChanged={() => setVersion((n) => n + 1)} />
      ) : null}
    </Panel>
  );
}

function Panel({
  title,
  id,
  action,
  children,
}: {
  title: string;
  id: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <div className={styles.panelHead}>
        <Text as="h2" id={id} weight="semibold" size={400} className={styles.heading}>
          {title}
        </Text>
        {action}
      </div>
      {children}
    </section>
  );
}

function Item({
  label,
  detail,
  picked,
  onPick,
  edit,
}: {
  label: string;
  detail: string;
  picked: boolean;
  onPick: () => void;
  edit: ReactNode;
}) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.pick, picked && styles.picked)}
        aria-pressed={picked}
        aria-label={text.select(label)}
        onClick={onPick}
      >
        <span className={styles.pickWords}>
          {label}
          {detail ? (
            <Text size={200} className={styles.muted} block>
              {detail}
            </Text>
          ) : null}
        </span>
      </Button>
      {edit}
    </li>
  );
}
