import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { roomSettingsStrings as text } from './strings';
import { withTag } from './roomDraft';

const useStyles = makeStyles({
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0 },
  chip: { listStyleType: 'none' },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  input: { flexGrow: 1, minWidth: '160px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface TagsFieldProps {
  readonly tags: readonly string[];
  /** Every tag some room has: offered while typing. */
  readonly vocabulary: readonly string[];
  readonly onChange: (tags: readonly string[]) => void;
  readonly validation: { validationState?: 'error'; validationMessage?: string };
}

/** The room's tags as removable chips, and a field to add a known or a new one (Enter adds). */
export function TagsField({ tags, vocabulary, onChange, validation }: TagsFieldProps) {
  const styles = useStyles();
  const listId = useId();
  const [typed, setTyped] = useState('');
  const add = () => {
    onChange(withTag(tags, typed));
    setTyped('');
  };
  const offered = vocabulary.filter((tag) => !tags.some((t) => t.toLowerCase() === tag.toLowerCase()));
  return (
    <Field label={text.tags} hint={text.tagsHint} {...validation}>
      <div>
        {tags.length === 0 ? <Text className={styles.muted}>{text.noTags}</Text> : null}
        <ul className={styles.chips}>
          {tags.map((tag) => (
            <li key={tag} className={styles.chip}>
              <Button
                size="small"
                shape="circular"
                icon={<DismissRegular />}
                iconPosition="after"
                aria-label={text.removeTag(tag)}
                onClick={() => onChange(tags.filter((t) => t !== tag))}
              >
                {tag}
              </Button>
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.add}>
        <Input
          className={styles.input}
          aria-label={text.newTag}
          list={listId}
          value={typed}
          onChange={(_e, d) => setTyped(d.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            // Enter adds the tag instead of submitting the whole form.
            event.preventDefault();
            add();
          }}
        />
        <datalist id={listId}>
          {offered.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <Button icon={<AddRegular />} onClick={add} disabled={typed.trim() === ''}>
          {text.addTag}
        </Button>
      </div>
    </Field>
  );
}
