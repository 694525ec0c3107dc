import { Button, Caption1, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { orderLineText } from '../../ui/orderLines';
import { formatClock } from '../../ui/time';
import { CountInput } from '../components/CountInput';
import { strings } from '../strings';
import {
  DELIVERY_CHOICES,
  cartTotalMinor,
  deliveryFromKey,
  deliveryKey,
  deliveryTime,
  formatMoney,
  type Cart,
  type CartLine,
} from './cart';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    '& .fui-Input, & .fui-Select, & select, & .fui-Textarea': { minWidth: 0, width: '100%' },
  },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface CartPanelProps {
  readonly title: string;
  readonly cart: Cart;
  readonly lines: readonly CartLine[];
  readonly currency: string;
  readonly meeting: { start: Date; end: Date };
  readonly onChange: (cart: Cart) => void;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  /** Extra actions, e.g. "Discard changes" while editing an order. */
  readonly children?: ReactNode;
  /** What the last order, change or cancellation said: shown right under the buttons. */
  readonly notes?: ReactNode;
}

/** Headcount, delivery relative to the meeting, cost center, notes and the running total. */
export function CartPanel(props: CartPanelProps) {
  const { cart, lines, currency, meeting, onChange } = props;
  const styles = useStyles();
  const update = (change: Partial<Cart>) => onChange({ ...cart, ...change });
  const total = formatMoney(cartTotalMinor(lines), currency);
  return (
    <section className={styles.panel} aria-labelledby="cart-title">
      <Text as="h2" id="cart-title" weight="semibold" size={400} style={{ margin: 0 }}>
        {props.title}
      </Text>
      {lines.length === 0 ? (
        <Caption1>{strings.catering.cartEmpty}</Caption1>
      ) : (
        <ul className={styles.lines}>
          {lines.map((l) => (
            <li key={l.item.id}>
              <Caption1>
                {strings.catering.line(
                  orderLineText(
                    { ...l.item, quantity: l.quantity, quantityToDeliver: l.quantityToDeliver },
                    cart.headcount,
                  ),
                  formatMoney(l.totalMinor, currency),
                )}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <Field label={strings.catering.headcount}>
        <CountInput value={cart.headcount} min={1} max={10_000} onChange={(headcount) => update({ headcount })} />
      </Field>
      <Field
        label={strings.catering.delivery}
        hint={strings.catering.deliveryAt(formatClock(deliveryTime(cart.delivery, meeting)))}
      >
        <Select
          value={deliveryKey(cart.delivery)}
          onChange={(_e, d) => {
            const delivery = deliveryFromKey(d.value);
            if (delivery) update({ delivery });
          }}
        >
          {DELIVERY_CHOICES.map((choice) => (
            <option key={deliveryKey(choice)} value={deliveryKey(choice)}>
              {choice.kind === 'at-end'
                ? strings.catering.deliveryAtEnd
                : strings.catering.deliveryOption(offsetOf(choice))}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.catering.costCenter}>
        <Input value={cart.costCenter} maxLength={60} onChange={(_e, d) => update({ costCenter: d.value })} />
      </Field>
      <Field label={strings.catering.notes}>
        <Textarea
          value={cart.notes}
          maxLength={2000}
          resize="vertical"
          onChange={(_e, d) => update({ notes: d.value })}
        />
      </Field>
      <Text weight="semibold" aria-live="polite">
        {strings.catering.total(total)}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={lines.length === 0 || props.busy} onClick={props.onSubmit}>
          {props.submitLabel}
        </Button>
        {props.children}
      </div>
      {props.notes}
    </section>
  );
}

function offsetOf(choice: Cart['delivery']): number {
  if (choice.kind === 'before-start') return -(choice.minutes ?? 0);
  if (choice.kind === 'after-start') return choice.minutes ?? 0;
  return 0;
}
