import {
  Button,
  Field,
  Input,
  Select,
  Switch,
  ToggleButton,
  Toolbar,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ChevronLeftRegular, ChevronRightRegular, PrintRegular } from '@fluentui/react-icons';
import { ordersEndpoints } from '../../../../shared/api/orders';
import type { Building } from '../../../../shared/schemas/locations';
import { queryString } from '../../../api/client';
import { dateText, isDateText } from '../../../ui/time';
import { exportQueryOf, stepped, type BoardFilters } from './boardFilters';
import { LiveIndicator } from './LiveIndicator';
import { usePrintClasses } from './printStyles';
import { facilityStrings as text } from './strings';
import type { LiveMode } from './useLiveUpdates';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  group: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, padding: 0 },
  end: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export const EXPORT_URL = `/api${ordersEndpoints.exportOrders.path}`;

/** Date navigation, filters, live state, print and export. Every change goes through `onChange` (the URL). */
export function BoardToolbar({
  filters,
  buildings,
  live,
  onChange,
}: {
  filters: BoardFilters;
  buildings: readonly Building[];
  live: LiveMode;
  onChange: (next: BoardFilters) => void;
}) {
  const styles = useStyles();
  const print = usePrintClasses();
  const week = filters.view === 'week';

  return (
    <div role="search" aria-label={text.filtersLabel} className={mergeClasses(styles.bar, print.noPrint)}>
      <Toolbar aria-label={text.view} className={styles.group}>
        <ToggleButton checked={!week} onClick={() => onChange({ ...filters, view: 'day' })}>
          {text.day}
        </ToggleButton>
        <ToggleButton checked={week} onClick={() => onChange({ ...filters, view: 'week' })}>
          {text.week}
        </ToggleButton>
      </Toolbar>
      <div className={styles.group}>
        <Button
          icon={<ChevronLeftRegular />}
          aria-label={week ? text.previousWeek : text.previousDay}
          onClick={() => onChange(stepped(filters, -1))}
        />
        <Button onClick={() => onChange({ ...filters, date: dateText(new Date()) })}>{text.today}</Button>
        <Button
          icon={<ChevronRightRegular />}
          aria-label={week ? text.nextWeek : text.nextDay}
          onClick={() => onChange(stepped(filters, 1))}
        />
      </div>
      <Field label={text.date}>
        <Input
          type="date"
          value={filters.date}
          onChange={(_e, data) => {
            if (isDateText(data.value)) onChange({ ...filters, date: data.value });
          }}
        />
      </Field>
      <Field label={text.building}>
        <Select
          value={filters.buildingId ?? ''}
          onChange={(_e, data) => onChange({ ...filters, buildingId: data.value === '' ? undefined : data.value })}
        >
          <option value="">{text.allBuildings}</option>
          {buildings.map((building) => (
            <option key={building.id} value={building.id}>
              {building.name}
            </option>
          ))}
        </Select>
      </Field>
      <Switch
        label={text.onlyAttention}
        checked={filters.onlyAttention}
        onChange={(_e, data) => onChange({ ...filters, onlyAttention: data.checked })}
      />
      <div className={styles.end}>
        <LiveIndicator mode={live} />
        <Button icon={<PrintRegular />} onClick={() => window.print()}>
          {text.print}
        </Button>
        <Button
          as="a"
          icon={<ArrowDownloadRegular />}
          href={EXPORT_URL + queryString(exportQueryOf(filters))}
          download
          title={text.exportCsvHint}
        >
          {text.exportCsv}
        </Button>
      </div>
    </div>
  );
}
