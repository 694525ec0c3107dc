import { Button, Checkbox, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { FiltersForm, PlaceFields, SearchTextField } from '../../../ui/filters/RoomFilterFields';
import { TagsField } from '../../../ui/filters/TagsField';
import type { Locations } from '../../../ui/filters/useLocations';
import { TimeField } from '../../../ui/TimeField';
import { strings } from '../../strings';
import { defaultFilters, windowIsValid, type SearchFilters } from './filters';

const useStyles = makeStyles({
  form: {
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 150px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'end',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  wide: { gridColumn: '1 / -1' },
  // Two columns, so the placeholder "Room name or description" is read whole; on a phone the
  // whole row (a span of 2 in a one-column grid would add a column and widen the page).
  text: { gridColumn: 'span 2', '@media (max-width: 480px)': { gridColumn: '1 / -1' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface FilterFormProps {
  readonly initial: SearchFilters;
  readonly locations: Locations | undefined;
  /** Tags to offer; the API has no tag list, so the page collects the tags of rooms it has seen. */
  readonly knownTags: readonly string[];
  readonly onSearch: (filters: SearchFilters) => void;
}

export function FilterForm({ initial, locations, knownTags, onSearch }: FilterFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(initial);
  const [peopleText, setPeopleText] = useState(initial.minCapacity === undefined ? '' : String(initial.minCapacity));
  const update = (change: Partial<SearchFilters>) => setDraft((d) => ({ ...d, ...change }));
  const windowOk = windowIsValid(draft);

  const submit = () => {
    if (windowOk) onSearch({ ...draft, page: 1 });
  };

  const reset = () => {
    const fresh = defaultFilters(new Date());
    setDraft(fresh);
    setPeopleText('');
    onSearch(fresh);
  };

  return (
    <FiltersForm className={styles.form} onSubmit={submit} label={strings.search.filtersLabel}>
      <Field label={strings.search.date}>
        <Input type="date" required value={draft.date} onChange={(_e, d) => update({ date: d.value })} />
      </Field>
      <Field label={strings.search.start}>
        <TimeField required value={draft.start} onChange={(start) => update({ start })} />
      </Field>
      <Field
        label={strings.search.end}
        validationState={windowOk ? 'none' : 'error'}
        validationMessage={windowOk ? undefined : strings.search.endBeforeStart}
      >
        <TimeField required value={draft.end} onChange={(end) => update({ end })} />
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
      <PlaceFields locations={locations} value={draft} onChange={update} namesWithBuilding />
      <TagsField known={knownTags} selected={draft.tags} onChange={(tags) => update({ tags })} />
      <SearchTextField className={styles.text} value={draft.text} onChange={(text) => update({ text })} />
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
    </FiltersForm>
  );
}
