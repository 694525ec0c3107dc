import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanState } from '../../../../shared/schemas/plan';
import { STATE_LOOKS } from './planStates';
import { planStrings as s } from './strings';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid currentColor`,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
});

/** A state as its icon and word on its colour: readable without the colour. */
export function StateBadge({ state }: { state: PlanState }) {
  const styles = useStyles();
  const look = STATE_LOOKS[state];
  return (
    <span className={styles.badge} style={{ backgroundColor: look.fill, color: look.ink }} data-state={state}>
      <span aria-hidden>{look.icon}</span>
      {s.states[state]}
    </span>
  );
}
