import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { Locations } from '../../web/pages/roomSearch/useLocations';
import { CountInput } from '../components/CountInput';
import { strings } from '../strings';
import { TagsField } from '../../web/components/TagsField';
import { floorAfterBuildingChange, floorsOfBuilding } from '../../web/placeFilter';

export interface RoomFilterValues {
  readonly people: number;
  readonly building: string;
  readonly floor: string;
  readonly tags: readonly string[];
  readonly text: string;
}

const useStyles = makeStyles({
  // One column at 320 px, two where there is room.
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 130px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    // Top-aligned: the People field's hint would otherwise push its neighbour out of line.
    alignItems: 'start',
    '& > *': { minWidth: 0 },
    '& .fui-Input, & .fui-Combobox, & .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
  wide: { gridColumn: '1 / -1' },
});

export interface RoomFiltersProps {
  readonly initial: RoomFilterValues;
  readonly locations: Locations | undefined;
  readonly knownTags: readonly string[];
  readonly onSearch: (filters: RoomFilterValues) => void;
}

export function RoomFilters({ initial, locations, knownTags, onSearch }: RoomFiltersProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(initial);
  const update = (change: Partial<RoomFilterValues>) => setDraft((d) => ({ ...d, ...change }));
  const floors = floorsOfBuilding(locations?.floors ?? [], draft.building);
  const tagOptions = [...new Set([...knownTags, ...draft.tags])].sort((a, b) => a.localeCompare(b));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };

  return (
    <form className={styles.form} onSubmit={submit} role="search" aria-label={strings.rooms.filtersLabel}>
      <Field label={strings.rooms.people} hint={strings.rooms.peopleHint}>
        <CountInput value={draft.people} min={1} max={10_000} onChange={(people) => update({ people })} />
      </Field>
      <TagsField
        label={strings.rooms.tags}
        placeholder={strings.rooms.tagsPlaceholder}
        options={tagOptions}
        selected={draft.tags}
        onChange={(tags) => update({ tags })}
      />
      <Field label={strings.rooms.building}>
        <Select
          value={draft.building}
          onChange={(_e, d) => {
            const floor = floorAfterBuildingChange(locations?.floors ?? [], draft.floor, d.value);
            update({ building: d.value, floor });
          }}
        >
          <option value="">{strings.rooms.anyBuilding}</option>
          {locations?.buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.rooms.floor}>
        <Select value={draft.floor} onChange={(_e, d) => update({ floor: d.value })}>
          <option value="">{strings.rooms.anyFloor}</option>
          {floors.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.rooms.text} className={styles.wide}>
        <Input
          type="search"
          placeholder={strings.rooms.textPlaceholder}
          value={draft.text}
          onChange={(_e, d) => update({ text: d.value })}
        />
      </Field>
      <Button className={styles.wide} type="submit" appearance="primary" icon={<SearchRegular />}>
        {strings.rooms.submit}
      </Button>
    </form>
  );
}
