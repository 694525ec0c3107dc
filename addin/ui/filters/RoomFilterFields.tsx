import { Field, Input, Select, makeStyles, mergeClasses } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { uiStrings } from '../strings';
import { floorAfterBuildingChange, floorsOfBuilding } from './placeFilter';
import type { Locations } from './useLocations';

const text = uiStrings.filters;

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    // Grid cells may shrink below their content; Fluent's Dropdown/Combobox otherwise insist on 250px.
    '& > *': { minWidth: 0 },
    '& .fui-Input, & .fui-Dropdown, & .fui-Combobox, & .fui-Select, & select': { minWidth: 0, width: '100%' },
    // Fluent lays the Combobox out as `1fr auto`: its 1fr column keeps the input's intrinsic width
    // (about 20 characters), so in a narrow field the input overflowed and pushed the chevron out.
    '& .fui-Combobox': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
    '& .fui-Combobox__input': { minWidth: 0, width: '100%' },
  },
});

/** The room filters' form: a search landmark whose fields share a grid that `className` lays out. */
export function FiltersForm({
  label,
  className,
  onSubmit,
  children,
}: {
  label: string;
  className: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={mergeClasses(styles.grid, className)} onSubmit={submit} aria-label={label} role="search">
      {children}
    </form>
  );
}

export interface Place {
  readonly building: string;
  readonly floor: string;
}

/**
 * Building and floor: the floor list follows the building. With `namesWithBuilding`, a floor
 * listed under "any building" says whose floor it is.
 */
export function PlaceFields({
  locations,
  value,
  onChange,
  namesWithBuilding = false,
}: {
  locations: Locations | undefined;
  value: Place;
  onChange: (place: Place) => void;
  namesWithBuilding?: boolean;
}) {
  const allFloors = locations?.floors ?? [];
  const floorName = (floor: Locations['floors'][number]) => {
    const owner = locations?.buildings.find((b) => b.id === floor.buildingId);
    return namesWithBuilding && !value.building && owner ? `${owner.name} · ${floor.name}` : floor.name;
  };
  return (
    <>
      <Field label={text.building}>
        <Select
          value={value.building}
          onChange={(_e, d) =>
            onChange({ building: d.value, floor: floorAfterBuildingChange(allFloors, value.floor, d.value) })
          }
        >
          <option value="">{text.anyBuilding}</option>
          {locations?.buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text.floor}>
        <Select value={value.floor} onChange={(_e, d) => onChange({ ...value, floor: d.value })}>
          <option value="">{text.anyFloor}</option>
          {floorsOfBuilding(allFloors, value.building).map((f) => (
            <option key={f.id} value={f.id}>
              {floorName(f)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

/** Free text over the rooms' names and descriptions. */
export function SearchTextField({
  value,
  onChange,
  className,
}: {
  value: string;
  onChange: (text: string) => void;
  className?: string;
}) {
  return (
    <Field label={text.text} className={className}>
      <Input type="search" placeholder={text.textPlaceholder} value={value} onChange={(_e, d) => onChange(d.value)} />
    </Field>
  );
}
