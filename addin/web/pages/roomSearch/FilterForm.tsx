import { Button, Checkbox, Field, Input, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { strings } from '../../strings';
import { defaultFilters, windowIsValid, type SearchFilters } from './filters';
import type { Locations } from './useLocations';
import { TagsField } from '../../components/TagsField';
import { floorAfterBuildingChange, floorsOfBuilding } from '../../placeFilter';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 150px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'end',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    // Grid cells may shrink below their content; Fluent's Dropdown/Combobox otherwise insist on 250px.
    '& > *': { minWidth: 0 },
    '& .fui-Input, & .fui-Dropdown, & .fui-Combobox, & .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface FilterFormProps {
  readonly initial: SearchFilters;
  readonly locations: Locations | undefined;
  /** Tags to offer; the API has no tag list, so the page collects the tags of rooms it has seen. */
  readonly knownTags: readonly string[];
  readonly onSearch: (filters: SearchFilters) => void;
}

function floorLabel(floor: Locations['floors'][number], locations: Locations, building: string): string {
  if (building) return floor.name;
  const owner = locations.buildings.find((b) => b.id === floor.buildingId);
  return owner ? `${owner.name} · ${floor.name}` : floor.name;
}

export function FilterForm({ initial, locations, knownTags, onSearch }: FilterFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(initial);
  const [peopleText, setPeopleText] = useState(initial.minCapacity === undefined ? '' : String(initial.minCapacity));
  const update = (change: Partial<SearchFilters>) => setDraft((d) => ({ ...d, ...change }));
  const windowOk = windowIsValid(draft);
  const floors = floorsOfBuilding(locations?.floors ?? [], draft.building);
  const tagOptions = [...new Set([...knownTags, ...draft.tags])].sort((a, b) => a.localeCompare(b));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (windowOk) onSearch({ ...draft, page: 1 });
  };

  const reset = () => {
    const fresh = defaultFilters(new Date());
    setDraft(fresh);
    setPeopleText('');
    onSearch(fresh);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={strings.search.filtersLabel} role="search">
      <Field label={strings.search.date}>
        <Input type="date" required value={draft.date} onChange={(_e, d) => update({ date: d.value })} />
      </Field>
      <Field label={strings.search.start}>
        <Input type="time" required value={draft.start} onChange={(_e, d) => update({ start: d.value })} />
      </Field>
      <Field
        label={strings.search.end}
        validationState={windowOk ? 'none' : 'error'}
        validationMessage={windowOk ? undefined : strings.search.endBeforeStart}
      >
        <Input type="time" required value={draft.end} onChange={(_e, d) => update({ end: d.value })} />
      </Field>
      <Field label={strings.search.minCapacity}>
        <Input
          type="number"
          min={1}
          inputMode="numeric"
          value={peopleText}
          onChange={(_e, d) => {
            setPeopleText(d.value);
            const n = Number(d.value);
            update({ minCapacity: d.value !== '' && Number.isInteger(n) && n >= 1 ? n : undefined });
          }}
        />
      </Field>
      <Field label={strings.search.building}>
        <Select
          value={draft.building}
          onChange={(_e, d) => {
            const floor = floorAfterBuildingChange(locations?.floors ?? [], draft.floor, d.value);
            update({ building: d.value, floor });
          }}
        >
          <option value="">{strings.search.anyBuilding}</option>
          {locations?.buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.search.floor}>
        <Select value={draft.floor} onChange={(_e, d) => update({ floor: d.value })}>
          <option value="">{strings.search.anyFloor}</option>
          {locations
            ? floors.map((f) => (
                <option key={f.id} value={f.id}>
                  {floorLabel(f, locations, draft.building)}
                </option>
              ))
            : null}
        </Select>
      </Field>
      <TagsField
        label={strings.search.tags}
        placeholder={strings.search.tagsPlaceholder}
        options={tagOptions}
        selected={draft.tags}
        onChange={(tags) => update({ tags })}
      />
      <Field label={strings.search.text}>
        <Input
          type="search"
          placeholder={strings.search.textPlaceholder}
          value={draft.text}
          onChange={(_e, d) => update({ text: d.value })}
        />
      </Field>
      <div className={mergeClasses(styles.actions, styles.wide)}>
        <Checkbox
          label={strings.search.onlyAvailable}
          checked={draft.onlyAvailable}
          onChange={(_e, d) => update({ onlyAvailable: d.checked === true })}
        />
        <Button type="submit" appearance="primary" icon={<SearchRegular />} disabled={!windowOk}>
          {strings.search.submit}
        </Button>
        <Button type="button" onClick={reset}>
          {strings.search.reset}
        </Button>
      </div>
    </form>
  );
}
