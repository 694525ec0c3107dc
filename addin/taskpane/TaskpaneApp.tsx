import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import { headcountOf } from '../office/officeHost';
import type { OfficeHost } from '../office/officeHost';
import { OfficeHostProvider, useOfficeHost } from '../office/OfficeHostContext';
import { ErrorState, LoadingState, WarningNote } from '../ui/StatusViews';
import { DescribeErrorProvider } from '../ui/errors';
import { ApiProvider } from '../ui/hooks/useApi';
import { SessionProvider, useSession } from '../ui/session/useSession';
import { formatClock, formatDay } from '../ui/time';
import { PaneTabs, type PaneTab } from './components/PaneTabs';
import { describePaneError } from './errors';
import { PaneTheme } from './PaneTheme';
import { LinkGate } from './link/LinkGate';
import { PreviewSendBar } from './preview/PreviewSendBar';
import { RoomsTab } from './rooms/RoomsTab';
import { strings } from './strings';
import { AppointmentProvider, useAppointment, useAppointmentState } from './useAppointment';

// Most people only look for a room: the menu, cart and orders load when the tab is opened.
const CateringTab = lazy(async () => ({
  default: (await import(/* webpackChunkName: "catering" */ './catering/CateringTab.js')).CateringTab,
}));

// Not on an organizer's first screen, so not in the JavaScript it waits for: the attendee's view
// and the web app's sign-in form (preview only). The preview's send bar stays: loaded late, it
// would push the pane down under the user's pointer.
const AttendeeView = lazy(async () => ({
  default: (await import(/* webpackChunkName: "attendee" */ './attendee/AttendeeView.js')).AttendeeView,
}));
const SignInPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "sign-in" */ '../ui/session/SignInPage.js')).SignInPage,
}));

export type PaneMode = 'organizer' | 'attendee';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    minWidth: '280px',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
  },
  facts: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  buttons: { display: 'flex' },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalM})` },
  // For screen readers: the page's title as its first heading, without taking the pane's little room.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

function MeetingSummary() {
  const styles = useStyles();
  const host = useOfficeHost();
  const { appointment, properties, refresh } = useAppointment();
  const chosen = properties.room?.roomEmail.toLowerCase();
  return (
    <section className={styles.summary} aria-label={strings.meeting.label}>
      <div className={styles.facts}>
        <Text weight="semibold">
          {strings.meeting.when(
            formatDay(appointment.start),
            formatClock(appointment.start),
            formatClock(appointment.end),
          )}
        </Text>
        <Caption1>{strings.meeting.people(headcountOf(appointment, new Set(chosen ? [chosen] : [])))}</Caption1>
        <Caption1>{strings.meeting.location(appointment.location)}</Caption1>
      </div>
      <div className={styles.buttons}>
        <Button
          appearance="subtle"
          icon={<ArrowClockwiseRegular />}
          aria-label={strings.refresh}
          title={strings.refresh}
          onClick={() => void refresh()}
        />
        {host.features.closePane ? (
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            aria-label={strings.closePane}
            title={strings.closePane}
            onClick={() => host.closePane()}
          />
        ) : null}
      </div>
    </section>
  );
}

type TabName = 'rooms' | 'catering';

const TABS: readonly PaneTab<TabName>[] = [
  { value: 'rooms', label: strings.roomsTab, id: 'tab-rooms' },
  { value: 'catering', label: strings.cateringTab, id: 'tab-catering' },
];

function OrganizerTabs() {
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>('rooms');
  return (
    <>
      <h1 className={styles.visuallyHidden}>{strings.organizerTitle}</h1>
      <PaneTabs
        className={styles.tabs}
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
        label={strings.tabsLabel}
        panelId="panel"
      />
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'rooms' ? (
          <RoomsTab />
        ) : (
          <Suspense fallback={<LoadingState />}>
            <CateringTab />
          </Suspense>
        )}
      </div>
    </>
  );
}

function Pane({ mode, previewSend }: { mode: PaneMode; previewSend: (() => Promise<void>) | undefined }) {
  const { state, refresh } = useAppointmentState();
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return <ErrorState title={strings.meeting.readFailed} error={state.error} onRetry={() => void refresh()} />;
  }
  const attendee = mode === 'attendee' || state.appointment.mode === 'attendee';
  return (
    <>
      <MeetingSummary />
      {!attendee && previewSend ? <PreviewSendBar send={previewSend} /> : null}
      {attendee ? (
        <Suspense fallback={<LoadingState />}>
          <AttendeeView />
        </Suspense>
      ) : (
        <OrganizerTabs />
      )}
    </>
  );
}

/** The preview signs in with the web app's session cookie; inside Outlook the identity token does. */
function PreviewSignIn({ children }: { children: ReactNode }) {
  const { state, recheck } = useSession();
  if (state.status === 'checking') return <LoadingState />;
  if (state.status === 'unknown') return <ErrorState error={state.error} onRetry={recheck} />;
  if (state.status === 'signed-out') {
    return (
      <Suspense fallback={<LoadingState />}>
        <SignInPage />
      </Suspense>
    );
  }
  return <>{children}</>;
}

export interface TaskpaneAppProps {
  readonly host: OfficeHost;
  readonly client: ApiClient;
  /** Outside Outlook, on the fake appointment (`?preview=1`). */
  readonly preview: boolean;
  readonly mode: PaneMode;
  /** The preview's stand-in for Outlook's Send button (the demo's simulated mailbox); absent in Outlook. */
  readonly previewSend?: () => Promise<void>;
}

export function TaskpaneApp({ host, client, preview, mode, previewSend }: TaskpaneAppProps) {
  const styles = useStyles();
  const pane = (
    <main className={styles.root}>
      {preview ? <WarningNote text={strings.previewBanner} /> : null}
      <LinkGate>
        <AppointmentProvider>
          <Pane mode={mode} previewSend={previewSend} />
        </AppointmentProvider>
      </LinkGate>
    </main>
  );
  return (
    <PaneTheme>
      <DescribeErrorProvider value={describePaneError}>
        <OfficeHostProvider host={host}>
          <ApiProvider client={client}>
            {preview ? (
              <SessionProvider>
                <PreviewSignIn>{pane}</PreviewSignIn>
              </SessionProvider>
            ) : (
              pane
            )}
          </ApiProvider>
        </OfficeHostProvider>
      </DescribeErrorProvider>
    </PaneTheme>
  );
}
