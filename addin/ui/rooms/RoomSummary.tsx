import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LocationRegular, PeopleRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import { uiStrings } from '../strings';

const text = uiStrings.room;

const useStyles = makeStyles({
  // Laid out as Fluent's CardHeader lays out a header and a description, without importing it (it
  // would bring Card and tabster to the taskpane's first screen).
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
  },
  fact: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  tags: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

type SummarisedRoom = Pick<RoomSearchResult, 'name' | 'capacity' | 'buildingName' | 'floorName' | 'tags'>;

/**
 * A room card's heading (its name, as `titleId`), capacity and place, as search results show them.
 * `renderName` wraps the name, e.g. in a link to the room's page.
 */
export function RoomCardHeader({
  room,
  titleId,
  renderName = (name) => name,
}: {
  room: SummarisedRoom;
  titleId: string;
  renderName?: (name: string) => ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Text as="h3" weight="semibold" size={400} id={titleId} style={{ margin: 0 }}>
        {renderName(room.name)}
      </Text>
      <div className={styles.facts}>
        <span className={styles.fact}>
          <PeopleRegular aria-hidden />
          {text.capacity(room.capacity)}
        </span>
        <span className={styles.fact}>
          <LocationRegular aria-hidden />
          {text.location(room.buildingName, room.floorName)}
        </span>
      </div>
    </div>
  );
}

/** The room's tags as a labelled list of badges; nothing when it has none. */
export function RoomTags({ tags }: { tags: readonly string[] }) {
  const styles = useStyles();
  if (tags.length === 0) return null;
  return (
    <ul className={styles.tags} aria-label={text.tagsLabel}>
      {tags.map((tag) => (
        <li key={tag}>
          <Badge appearance="tint" color="informative" shape="rounded">
            {tag}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
