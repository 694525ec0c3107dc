import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { ClockRegular, WarningFilled } from '@fluentui/react-icons';
import type { Order, OrderStatus } from '../../../../shared/schemas/orders';
import { orderLineText } from '../../../ui/orderLines';
import { formatClock, formatClockIn } from '../../../ui/time';
import { formatPrice } from '../catalog/money';
import { AttentionNotice, type AttentionAction } from './AttentionNotice';
import { DeclineDialog } from './DeclineDialog';
import { usePrintClasses } from './printStyles';
import { isClosed, mayDecline, nextStep, type AdvanceStatus } from './statusFlow';
import { facilityStrings as text } from './strings';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media print': { border: '1px solid #888', padding: '6px', gap: '4px' },
  },
  attention: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    '@media print': { borderLeft: '4px solid #000' },
  },
  closed: { opacity: 0.75, '@media print': { opacity: 1 } },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  subject: { margin: 0, flexGrow: 1 },
  flag: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const STATUS_COLORS: Record<OrderStatus, BadgeProps['color']> = {
  requested: 'informative',
  accepted: 'brand',
  'in-preparation': 'warning',
  delivered: 'success',
  declined: 'danger',
  cancelled: 'subtle',
  'cancelled-by-event': 'subtle',
};

export interface OrderCardProps {
  readonly order: Order;
  /** The status the user just chose, shown until the server answers. */
  readonly pendingStatus: OrderStatus | undefined;
  readonly busy: boolean;
  readonly failure: string | undefined;
  readonly onStatus: (status: AdvanceStatus | 'declined', note?: string) => void;
  readonly onResolve: (action: AttentionAction) => void;
  readonly onDismissFailure: () => void;
}

/** One order with everything the kitchen and the delivery need, and its next step one click away. */
export function OrderCard({
  order,
  pendingStatus,
  busy,
  failure,
  onStatus,
  onResolve,
  onDismissFailure,
}: OrderCardProps) {
  const styles = useStyles();
  const print = usePrintClasses();
  const status = pendingStatus ?? order.status;
  const subject = order.meeting.subject;
  // The building's clocks, named where they differ from this browser's.
  const deliveryTime = formatClockIn(order.deliveryAt, order.timeZone);
  const needsAttention = order.attention.length > 0;
  const awaiting = order.awaitingMeeting && !isClosed(status);

  return (
    <article
      aria-label={text.order.label(subject, order.roomName, deliveryTime)}
      aria-busy={busy}
      className={mergeClasses(
        styles.card,
        print.keepTogether,
        needsAttention && styles.attention,
        isClosed(status) && styles.closed,
      )}
    >
      <div className={styles.head}>
        <Text as="h4" weight="semibold" size={400} className={styles.subject}>
          {subject}
        </Text>
        {needsAttention ? (
          <Badge color="danger" appearance="filled" icon={<WarningFilled aria-hidden />}>
            {text.attention.flag}
          </Badge>
        ) : null}
        {awaiting ? (
          <Badge color="warning" appearance="outline" icon={<ClockRegular aria-hidden />}>
            {text.awaiting.badge}
          </Badge>
        ) : null}
        <Badge color={STATUS_COLORS[status]} appearance="tint">
          {text.status[status]}
        </Badge>
      </div>

      {awaiting ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{text.awaiting.explanation}</MessageBarBody>
        </MessageBar>
      ) : null}

      {needsAttention ? (
        <AttentionNotice
          reasons={order.attention}
          subject={subject}
          disabled={busy}
          noPrintClass={print.noPrint}
          onResolve={onResolve}
        />
      ) : null}

      <OrderDetails order={order} deliveryTime={deliveryTime} />

      {failure ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
          <MessageBarActions className={print.noPrint}>
            <Button size="small" onClick={onDismissFailure}>
              {text.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      <OrderActions status={status} awaiting={awaiting} subject={subject} busy={busy} onStatus={onStatus} />
    </article>
  );
}

function OrderDetails({ order, deliveryTime }: { order: Order; deliveryTime: string }) {
  const styles = useStyles();
  const row = (term: string, value: string) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value === '' ? text.order.none : value}</dd>
    </>
  );
  const orderer =
    order.placedBy.name && order.placedBy.name !== order.orderer.name
      ? `${order.orderer.name} <${order.orderer.email}>, ${text.order.placedBy(order.placedBy.name)}`
      : `${order.orderer.name} <${order.orderer.email}>`;
  return (
    <dl className={styles.details}>
      {row(text.order.room, `${order.roomName} · ${order.buildingName}`)}
      {row(
        text.order.delivery,
        `${deliveryTime}, ${deliveryKindText(order)} (${text.order.meeting(
          formatClock(order.eventStart, order.timeZone),
          formatClock(order.eventEnd, order.timeZone),
        )})`,
      )}
      <dt className={styles.term}>{text.order.items}</dt>
      <dd className={styles.value}>
        <ul className={styles.lines}>
          {order.lines.map((line) => (
            <li key={line.itemId}>{orderLineText(line, order.headcount)}</li>
          ))}
        </ul>
      </dd>
      {row(text.order.headcount, text.order.headcountValue(order.headcount, order.followAttendees))}
      {row(text.order.dietary, order.dietaryRemarks)}
      {row(text.order.notes, order.notes)}
      {row(text.order.costCenter, order.costCenter)}
      {row(text.order.orderer, orderer)}
      {row(text.order.provider, order.providerName)}
      {row(text.order.total, formatPrice(order.totalMinor, order.currency))}
    </dl>
  );
}

function deliveryKindText(order: Order): string {
  const { kind, minutes = 0 } = order.delivery;
  const phrase = text.order.deliveryKind[kind];
  return typeof phrase === 'function' ? phrase(minutes) : phrase;
}

function OrderActions({
  status,
  awaiting,
  subject,
  busy,
  onStatus,
}: {
  status: OrderStatus;
  awaiting: boolean;
  subject: string;
  busy: boolean;
  onStatus: OrderCardProps['onStatus'];
}) {
  const styles = useStyles();
  const print = usePrintClasses();
  const next = nextStep(status, awaiting);
  if (!next && !busy && !mayDecline(status)) return null;
  return (
    <div className={mergeClasses(styles.actions, print.noPrint)}>
      {next ? (
        <Button
          appearance="primary"
          disabled={busy}
          aria-label={text.advanceFor(text.advance[next], subject)}
          onClick={() => onStatus(next)}
        >
          {text.advance[next]}
        </Button>
      ) : null}
      {mayDecline(status) ? (
        <DeclineDialog subject={subject} disabled={busy} onDecline={(reason) => onStatus('declined', reason)} />
      ) : null}
      {busy ? <Spinner size="tiny" label={text.saving} /> : null}
    </div>
  );
}
