import { Combobox, Field, Option } from '@fluentui/react-components';

/** Pick any number of room tags (a room must have all of them). */
export function TagsField({
  label,
  placeholder,
  options,
  selected,
  onChange,
}: {
  label: string;
  placeholder: string;
  options: readonly string[];
  selected: readonly string[];
  onChange: (tags: string[]) => void;
}) {
  return (
    <Field label={label}>
      <Combobox
        multiselect
        placeholder={placeholder}
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
