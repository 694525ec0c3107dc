import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useState } from 'react';
import { FiltersForm, PlaceFields, SearchTextField } from '../../ui/filters/RoomFilterFields';
import { uiStrings } from '../../ui/strings';
import type { Locations } from '../../ui/filters/useLocations';
import { CountInput } from '../components/CountInput';
import { strings } from '../strings';

// The equipment picker (Fluent's Combobox with its popup positioning, a fifth of the pane's
// JavaScript) has nothing to offer before some tags are known (stored from the last opening, or
// those of the rooms found): on a first opening it is asked for once the search has answered, so
// its four scripts compete neither with the search for the server nor with the results for the
// browser's main thread.
const TagsField = lazy(async () => ({
  default: (await import(/* webpackChunkName: "tags-field" */ '../../ui/filters/TagsField.js')).TagsField,
}));

/** Holds the equipment picker's place, same label and height, for the moment until it is there. */
function TagsFieldPlaceholder() {
  return (
    <Field label={uiStrings.filters.tags}>
      <Input readOnly placeholder={uiStrings.filters.tagsPlaceholder} />
    </Field>
  );
}

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
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 130px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    // Top-aligned: the People field's hint would otherwise push its neighbour out of line.
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
});

export interface RoomFiltersProps {
  readonly initial: RoomFilterValues;
  readonly locations: Locations | undefined;
  readonly knownTags: readonly string[];
  readonly onSearch: (filters: RoomFilterValues) => void;
  /** The first search has answered (or failed). */
  readonly searchSettled: boolean;
}

export function RoomFilters({ initial, locations, knownTags, onSearch, searchSettled }: RoomFiltersProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(initial);
  const pickerUseful = searchSettled || knownTags.length > 0;
  // Once there, the picker stays, whatever later searches do (adjusting state while rendering).
  const [pickerWanted, setPickerWanted] = useState(pickerUseful);
  if (pickerUseful && !pickerWanted) setPickerWanted(true);
  const update = (change: Partial<RoomFilterValues>) => setDraft((d) => ({ ...d, ...change }));

  return (
    <FiltersForm className={styles.form} onSubmit={() => onSearch(draft)} label={strings.rooms.filtersLabel}>
      <Field label={strings.rooms.people} hint={strings.rooms.peopleHint}>
        <CountInput value={draft.people} min={1} max={10_000} onChange={(people) => update({ people })} />
      </Field>
      {pickerWanted ? (
        <Suspense fallback={<TagsFieldPlaceholder />}>
          <TagsField known={knownTags} selected={draft.tags} onChange={(tags) => update({ tags })} />
        </Suspense>
      ) : (
        <TagsFieldPlaceholder />
      )}
      <PlaceFields locations={locations} value={draft} onChange={update} />
      <SearchTextField className={styles.wide} value={draft.text} onChange={(text) => update({ text })} />
      <Button className={styles.wide} type="submit" appearance="primary" icon={<SearchRegular />}>
        {strings.rooms.submit}
      </Button>
    </FiltersForm>
  );
}
