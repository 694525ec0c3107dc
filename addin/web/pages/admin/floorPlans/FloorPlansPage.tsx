import { Field, Select, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { filesEndpoints } from '../../../../../shared/api/files';
import { locationsEndpoints } from '../../../../../shared/api/locations';
import { roomsEndpoints } from '../../../../../shared/api/rooms';
import type { Floor } from '../../../../../shared/schemas/locations';
import { LoadingState, SuccessNote } from '../../../../ui/StatusViews';
import { describeError } from '../../../../ui/errors';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { AdminError } from '../AdminError';
import { adminStrings } from '../strings';
import { FloorPlanEditor } from './FloorPlanEditor';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  title: { margin: 0 },
  pickers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  file: { maxWidth: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const text = adminStrings.floorPlans;

/** Route `/admin/floor-plans`: pick a floor (kept in the URL), upload its plan, edit its rooms' outlines. */
export function FloorPlansPage() {
  const styles = useStyles();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState(0);
  const { state, retry } = useAsync(`floor-plans:${version}`, async (signal) => {
    const [buildings, floors] = await Promise.all([
      api.call(locationsEndpoints.listBuildings, { signal }),
      api.call(locationsEndpoints.listFloors, { signal }),
    ]);
    return { buildings, floors };
  });
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  const { buildings, floors } = state.data;
  const floor = floors.find((f) => f.id === params.get('floor')) ?? floors[0];
  const building = buildings.find((b) => b.id === floor?.buildingId);
  const pickFloor = (id: string) => setParams({ floor: id }, { replace: true });
  const pickBuilding = (id: string) => {
    const first = floors.find((f) => f.buildingId === id);
    if (first) pickFloor(first.id);
  };

  return (
    <section className={styles.page} aria-labelledby="floor-plans-title">
      <Title2 as="h1" id="floor-plans-title" className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      {floor && building ? (
        <>
          <div className={styles.pickers}>
            <Field label={text.building}>
              <Select value={building.id} onChange={(_e, d) => pickBuilding(d.value)}>
                {buildings
                  .filter((b) => floors.some((f) => f.buildingId === b.id))
                  .map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label={text.floor}>
              <Select value={floor.id} onChange={(_e, d) => pickFloor(d.value)}>
                {floors
                  .filter((f) => f.buildingId === building.id)
                  .map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name}
                    </option>
                  ))}
              </Select>
            </Field>
            <PlanUpload key={floor.id} floor={floor} onUploaded={() => setVersion((n) => n + 1)} />
          </div>
          <FloorRooms key={`${floor.id}:${floor.plan?.url ?? ''}`} floor={floor} />
        </>
      ) : (
        <Text className={styles.muted}>{text.noFloors}</Text>
      )}
    </section>
  );
}

/** Uploads the file and makes it the floor's plan; the server takes the plan's size from the file. */
function PlanUpload({ floor, onUploaded }: { floor: Floor; onUploaded: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });
  const label = floor.plan ? text.replace : text.upload;
  const send = async (file: File | undefined) => {
    if (!file) return;
    setUpload({ busy: true, error: null, done: false });
    try {
      const uploaded = await api.upload(filesEndpoints.upload, file, file.name);
      await api.call(locationsEndpoints.updateFloor, { params: { id: floor.id }, body: { planFileId: uploaded.id } });
      setUpload({ busy: false, error: null, done: true });
      onUploaded();
    } catch (err) {
      setUpload({ busy: false, error: text.uploadFailed(describeError(err)), done: false });
    }
  };
  return (
    <Field
      label={label}
      validationState={upload.error ? 'error' : 'none'}
      validationMessage={upload.busy ? text.uploading : (upload.error ?? undefined)}
    >
      <input
        className={styles.file}
        aria-label={label}
        type="file"
        accept="image/svg+xml,image/png,image/jpeg,image/webp,image/gif"
        disabled={upload.busy}
        onChange={(e) => void send(e.target.files?.[0])}
      />
      {upload.done ? <SuccessNote text={text.uploaded} /> : null}
    </Field>
  );
}

/** The floor's rooms (active ones, as the search lists them) and, once there is a plan, the editor. */
function FloorRooms({ floor }: { floor: Floor }) {
  const styles = useStyles();
  const api = useApi();
  const { state, retry } = useAsync(`floor-plan-rooms:${floor.id}`, (signal) =>
    api.call(roomsEndpoints.searchRooms, { query: { floor: floor.id, pageSize: 100 }, signal }),
  );
  if (!floor.plan) return <Text className={styles.muted}>{text.noPlan}</Text>;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <AdminError error={state.error} onRetry={retry} />;
  if (state.data.items.length === 0) return <Text className={styles.muted}>{text.noRooms}</Text>;
  return (
    <FloorPlanEditor
      floor={{ ...floor, plan: floor.plan }}
      rooms={state.data.items.map((r) => ({ id: r.id, name: r.name, shape: r.shape }))}
    />
  );
}
