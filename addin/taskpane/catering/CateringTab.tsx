import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { catalogEndpoints } from '../../../shared/api/catalog';
import type { Menu } from '../../../shared/schemas/catalog';
import type { Order } from '../../../shared/schemas/orders';
import { headcountOf } from '../../office/officeHost';
import { useOfficeHost } from '../../office/OfficeHostContext';
import { EmptyState, ErrorState, LoadingState, WarningNote } from '../../ui/StatusViews';
import { useApi } from '../../ui/hooks/useApi';
import { useAsync } from '../../ui/hooks/useAsync';
import { uiStrings } from '../../ui/strings';
import { ActionNotes, type ActionNote } from '../components/ActionNotes';
import { strings } from '../strings';
import { useAppointment } from '../useAppointment';
import { CartPanel } from './CartPanel';
import { cartFromOrder, cartLines, emptyCart, setQuantity, type Cart } from './cart';
import { MenuList } from './MenuList';
import { OrdersList } from './OrdersList';
import { ordersApi } from './ordersApi';
import { useOrders } from './useOrders';

const useStyles = makeStyles({
  tab: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '& .fui-Select, & select': { minWidth: 0, width: '100%' },
  },
});

type Phase = 'idle' | 'saving' | 'placing' | 'updating';
type Note = ActionNote;

type MenuProvider = Menu['providers'][number];

function ProviderMenu({
  menu,
  initialProviderId,
  children,
}: {
  menu: Menu;
  initialProviderId: string | undefined;
  children: (provider: MenuProvider) => ReactNode;
}) {
  const [providerId, setProviderId] = useState(initialProviderId ?? menu.providers[0]?.provider.id ?? '');
  const current = menu.providers.find((p) => p.provider.id === providerId) ?? menu.providers[0];
  if (!current) return <EmptyState title={strings.catering.noProviders} />;
  return (
    <>
      {menu.providers.length > 1 ? (
        <Field label={strings.catering.provider}>
          <Select value={current.provider.id} onChange={(_e, d) => setProviderId(d.value)}>
            {menu.providers.map(({ provider }) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {children(current)}
    </>
  );
}

/**
 * Catering for the meeting's room: the menu of the providers serving its building, a cart, and
 * the orders already placed from this appointment. Placing an order saves the appointment first
 * (saveAsync gives the ItemId the server resolves the meeting from).
 */
export function CateringTab() {
  const styles = useStyles();
  const api = useApi();
  const host = useOfficeHost();
  const orders = useMemo(() => ordersApi(api), [api]);
  const { appointment, properties, revision, refresh } = useAppointment();
  const room = properties.room;
  const headcount = headcountOf(appointment, new Set(room ? [room.roomEmail.toLowerCase()] : []));
  const [cart, setCart] = useState<Cart>(() => emptyCart(headcount));
  const [editing, setEditing] = useState<{ order: Order; cart: Cart }>();
  const [phase, setPhase] = useState<Phase>('idle');
  const [notes, setNotes] = useState<readonly Note[]>([]);
  // Notes show beside the button that caused them: the cart's, or the orders list's Cancel.
  const [notesAt, setNotesAt] = useState<'cart' | 'orders'>('cart');
  const [ordersVersion, setOrdersVersion] = useState(0);
  const menu = useAsync(`menu|${room?.roomId ?? ''}`, (signal) =>
    room ? api.call(catalogEndpoints.menu, { query: { roomId: room.roomId }, signal }) : Promise.resolve(undefined),
  );
  const orderIds = properties.orderIds ?? [];
  const placed = useOrders(orders, orderIds, `${revision}|${ordersVersion}`);
  const meeting = { start: appointment.start, end: appointment.end };

  if (!room) return <EmptyState title={strings.catering.chooseRoomFirst} />;

  const run = async (next: Phase, work: () => Promise<void>, lead: string, at: 'cart' | 'orders' = 'cart') => {
    setPhase(next);
    setNotesAt(at);
    try {
      await work();
    } catch (error: unknown) {
      setNotes((n) => [...n, { kind: 'error', lead, error }]);
    } finally {
      setPhase('idle');
    }
  };

  const place = (provider: MenuProvider) =>
    run(
      'saving',
      async () => {
        setNotes([]);
        const lines = cartLines(
          cart,
          provider.categories.flatMap((c) => c.items),
        );
        const itemId = await host.save();
        setNotes([{ kind: 'success', text: strings.catering.savedToCalendar }]);
        setPhase('placing');
        const created = await orders.placeForItem(itemId, room.roomId, cart, lines);
        await host.saveProperties({ ...properties, orderIds: [...orderIds, ...created.map((o) => o.id)] });
        const waiting = created.some((o) => o.awaitingMeeting);
        setNotes((n) => [
          ...n,
          { kind: 'success', text: waiting ? strings.catering.placedAwaiting : strings.catering.placed },
        ]);
        setCart(emptyCart(headcount));
        await refresh();
      },
      strings.catering.placeFailed,
    );

  const saveEdit = (provider: MenuProvider) => {
    if (!editing) return;
    const lines = cartLines(
      editing.cart,
      provider.categories.flatMap((c) => c.items),
    );
    void run(
      'updating',
      async () => {
        setNotes([]);
        await orders.update(editing.order.id, editing.cart, lines);
        setEditing(undefined);
        setNotes([{ kind: 'success', text: strings.catering.updated }]);
        setOrdersVersion((v) => v + 1);
      },
      uiStrings.errors.title,
    );
  };

  const cancel = (order: Order) =>
    void run(
      'updating',
      async () => {
        setNotes([]);
        await orders.cancel(order.id);
        setNotes([{ kind: 'success', text: strings.catering.cancelled }]);
        setOrdersVersion((v) => v + 1);
      },
      uiStrings.errors.title,
      'orders',
    );

  return (
    <div className={styles.tab}>
      {host.features.save ? null : <WarningNote text={strings.catering.saveUnsupported} />}
      {menu.state.status === 'loading' ? <LoadingState /> : null}
      {menu.state.status === 'error' ? <ErrorState error={menu.state.error} onRetry={menu.retry} /> : null}
      {menu.state.status === 'success' && menu.state.data ? (
        <ProviderMenu
          key={editing?.order.id ?? 'new'}
          menu={menu.state.data}
          initialProviderId={editing?.order.providerId ?? undefined}
        >
          {(provider) => {
            const items = provider.categories.flatMap((c) => c.items);
            const active = editing ? editing.cart : cart;
            const change = (next: Cart) => (editing ? setEditing({ ...editing, cart: next }) : setCart(next));
            const currency = items[0]?.currency ?? 'EUR';
            return (
              <>
                <section aria-label={strings.catering.menuLabel(provider.provider.name)}>
                  <MenuList
                    categories={provider.categories}
                    cart={active}
                    onQuantity={(itemId, quantity) => change(setQuantity(active, itemId, quantity))}
                  />
                </section>
                <CartPanel
                  title={editing ? strings.catering.editTitle : strings.catering.cartTitle}
                  cart={active}
                  lines={cartLines(active, items)}
                  currency={currency}
                  meeting={meeting}
                  onChange={change}
                  submitLabel={
                    phase === 'saving'
                      ? strings.catering.saving
                      : phase === 'placing'
                        ? strings.catering.placing
                        : editing
                          ? strings.catering.saveChanges
                          : strings.catering.place
                  }
                  busy={phase !== 'idle' || !host.features.save}
                  onSubmit={() => (editing ? saveEdit(provider) : void place(provider))}
                  notes={<ActionNotes notes={notesAt === 'cart' ? notes : []} />}
                >
                  {editing ? (
                    <Button onClick={() => setEditing(undefined)}>{strings.catering.cancelEdit}</Button>
                  ) : null}
                </CartPanel>
              </>
            );
          }}
        </ProviderMenu>
      ) : null}
      <section aria-labelledby="orders-title">
        <Text as="h2" id="orders-title" weight="semibold" size={400}>
          {strings.catering.ordersTitle}
        </Text>
        <ActionNotes notes={notesAt === 'orders' ? notes : []} />
        {placed.state.status === 'error' ? <ErrorState error={placed.state.error} onRetry={placed.retry} /> : null}
        {placed.data?.length === 0 ? <EmptyState title={strings.catering.noOrders} /> : null}
        {placed.data && placed.data.length > 0 ? (
          <OrdersList
            orders={placed.data}
            onEdit={(order) => setEditing({ order, cart: cartFromOrder(order) })}
            onCancel={cancel}
          />
        ) : null}
      </section>
    </div>
  );
}
