import { Combobox, Field, Option } from '@fluentui/react-components';
import { uiStrings } from '../strings';

const text = uiStrings.filters;

/**
 * Pick any number of room tags (a room must have all of them). The API has no tag list, so the
 * front end says which tags it knows; the chosen ones are always offered too.
 */
export function TagsField({
  known,
  selected,
  onChange,
}: {
  known: readonly string[];
  selected: readonly string[];
  onChange: (tags: string[]) => void;
}) {
  const options = [...new Set([...known, ...selected])].sort((a, b) => a.localeCompare(b));
  return (
    <Field label={text.tags}>
      <Combobox
        multiselect
        placeholder={text.tagsPlaceholder}
        selectedOptions={[...selected]}
        onOptionSelect={(_e, d) => onChange(d.selectedOptions)}
      >
        {options.map((tag) => (
          <Option key={tag} value={tag}>
            {tag}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
