import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import type { ChangeEvent } from 'react';
import { filesEndpoints } from '../../../../../shared/api/files';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { adminErrorText } from '../apiErrors';
import { moved, type Picture } from './roomDraft';
import { roomSettingsStrings as text } from './strings';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: {
    listStyleType: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  thumb: {
    width: '120px',
    height: '80px',
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PicturesFieldProps {
  readonly roomName: string;
  readonly pictures: readonly Picture[];
  readonly onChange: (pictures: readonly Picture[]) => void;
  readonly validation: { validationState?: 'error'; validationMessage?: string };
}

/** Uploads go to POST /api/files at once; the room keeps the new order only when the form is saved. */
export function PicturesField({ roomName, pictures, onChange, validation }: PicturesFieldProps) {
  const styles = useStyles();
  const api = useApi();
  const upload = useSubmit(adminErrorText);

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    void upload.submit(async () => {
      const uploaded = await api.upload(filesEndpoints.upload, file, file.name);
      onChange([...pictures, { fileId: uploaded.id, url: uploaded.url }]);
      input.value = '';
    });
  };

  const problem = upload.problem ?? validation.validationMessage;
  return (
    <Field
      label={text.pictures}
      hint={text.picturesHint}
      {...(problem === undefined ? {} : { validationState: 'error' as const, validationMessage: problem })}
    >
      <div>
        {pictures.length === 0 ? <Text className={styles.muted}>{text.noPictures}</Text> : null}
        <ol className={styles.list}>
          {pictures.map((picture, i) => (
            <li key={picture.fileId} className={styles.item}>
              <img className={styles.thumb} src={picture.url} alt={text.pictureAlt(roomName, i + 1)} />
              <Button
                icon={<ArrowUpRegular />}
                aria-label={text.moveUp(i + 1)}
                disabled={i === 0}
                onClick={() => onChange(moved(pictures, i, i - 1))}
              />
              <Button
                icon={<ArrowDownRegular />}
                aria-label={text.moveDown(i + 1)}
                disabled={i === pictures.length - 1}
                onClick={() => onChange(moved(pictures, i, i + 1))}
              />
              <Button
                icon={<DeleteRegular />}
                aria-label={text.removePicture(i + 1)}
                onClick={() => onChange(pictures.filter((p) => p.fileId !== picture.fileId))}
              />
            </li>
          ))}
        </ol>
      </div>
      <label>
        <Text>{upload.busy ? text.uploading : text.upload}</Text>{' '}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
          disabled={upload.busy}
          onChange={add}
        />
      </label>
    </Field>
  );
}
