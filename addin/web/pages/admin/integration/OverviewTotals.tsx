import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { IntegrationOverview } from '../../../../../shared/schemas/integration';
import { adminStrings } from '../strings';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    // Narrow enough that all eight figures share one row at 1280 px (at 150 px the eighth stood alone).
    gridTemplateColumns: 'repeat(auto-fill, minmax(135px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column-reverse',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

const ORDER = [
  'rooms',
  'verified',
  'failedVerification',
  'streaming',
  'pull',
  'syncedOnce',
  'withErrors',
  'bookingsInHorizon',
] as const satisfies readonly (keyof IntegrationOverview['totals'])[];

/** The totals above the room table, as a description list: label, then figure. */
export function OverviewTotals({ totals }: { totals: IntegrationOverview['totals'] }) {
  const styles = useStyles();
  return (
    <dl className={styles.grid} aria-label={adminStrings.integration.totalsLabel}>
      {ORDER.map((key) => (
        // The figure is drawn above its label; the markup keeps dt before dd for screen readers.
        <div key={key} className={styles.tile}>
          <dt className={styles.label}>{adminStrings.integration.totals[key]}</dt>
          <dd className={styles.value}>
            <Text size={600} weight="semibold">
              {totals[key]}
            </Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
