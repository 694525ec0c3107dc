import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AnalyticsFigures } from '../../../../shared/schemas/analytics';
import { minutes, percent } from './format';
import { analyticsStrings as text } from './strings';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  value: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Booked and actual use side by side, then the rest of the headline figures. */
export function Tiles({ figures }: { figures: AnalyticsFigures }) {
  const styles = useStyles();
  const t = text.tiles;
  const tiles: [string, string][] = [
    [t.booked, percent(figures.bookedUtilisation)],
    [t.checkedIn, percent(figures.checkedInUtilisation)],
    [t.noShows, percent(figures.noShowRate)],
    [t.released, text.hours(figures.releasedHours)],
    [t.bookings, String(figures.bookings)],
    [t.median, minutes(figures.medianMinutes)],
  ];
  return (
    <ul className={styles.tiles} aria-label={text.title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {tiles.map(([label, value]) => (
        <li key={label}>
          <Card aria-label={`${label}: ${value}`}>
            <Text>{label}</Text>
            <Text className={styles.value}>{value}</Text>
          </Card>
        </li>
      ))}
    </ul>
  );
}
