import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { Outlet, RouterProvider, useRouteError, type RouteObject, type createBrowserRouter } from 'react-router';
import type { ApiClient } from '../api/client';
import { AppShell } from './components/AppShell';
import { ErrorState, LoadingState } from '../ui/StatusViews';
import { ApiProvider } from '../ui/hooks/useApi';
import { SessionProvider, useSession } from '../ui/session/useSession';
import { ChangePasswordPage } from '../ui/session/ChangePasswordPage';
import { SignInPage } from '../ui/session/SignInPage';

// Each page is its own chunk, so the sign-in form does not wait for the search page's code.
// Pages export their component by name: a CommonJS `default` would mean different things to tsc and webpack.
const RoomSearchPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "room-search" */ './pages/roomSearch/RoomSearchPage.js')).RoomSearchPage,
}));
const AdminPages = lazy(async () => ({
  default: (await import(/* webpackChunkName: "admin" */ './pages/admin/AdminPages.js')).AdminPages,
}));
const CatalogPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "catalog" */ './pages/catalog/CatalogPage.js')).CatalogPage,
}));
const FacilityBoardPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "facility-board" */ './pages/facility/FacilityBoardPage.js'))
    .FacilityBoardPage,
}));
const AnalyticsPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "analytics" */ './pages/analytics/AnalyticsPage.js')).AnalyticsPage,
}));
const MyBookingsPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "bookings" */ './pages/bookings/MyBookingsPage.js')).MyBookingsPage,
}));
const RoomPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "room" */ './pages/room/RoomPage.js')).RoomPage,
}));
const PlanPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "plan" */ './pages/plan/PlanPage.js')).PlanPage,
}));
const EventsPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "events" */ './pages/events/EventsPage.js')).EventsPage,
}));
const EventPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "events" */ './pages/events/EventPage.js')).EventPage,
}));
const ExternalLinkPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "external-link" */ './pages/externals/ExternalLinkPage.js'))
    .ExternalLinkPage,
}));
const NotFoundPage = lazy(async () => ({
  default: (await import(/* webpackChunkName: "not-found" */ './pages/NotFoundPage.js')).NotFoundPage,
}));

/** Pages for signed-in users: the sign-in form stands in for them until someone signs in. */
function SignedInLayout() {
  const { state, recheck } = useSession();
  if (state.status === 'checking') return <LoadingState />;
  if (state.status === 'unknown') return <ErrorState error={state.error} onRetry={recheck} />;
  if (state.status === 'signed-out') return <SignInPage />;
  if (state.mustChangePassword) return <ChangePasswordPage />;
  return (
    <AppShell user={state.user}>
      <Suspense fallback={<LoadingState />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}

/** A page that crashed while rendering: say so instead of leaving a blank screen. */
function RouteError() {
  return <ErrorState error={useRouteError()} onRetry={() => window.location.reload()} />;
}

/**
 * The app's routes. Pages that need no signed-in user (room displays, for example) go next to
 * the layout route, not below it.
 */
export const appRoutes: RouteObject[] = [
  // An external's email links: they sign in, so they need no session to open.
  {
    path: '/externals/accept',
    element: (
      <Suspense fallback={<LoadingState />}>
        <ExternalLinkPage kind="invitation" />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/externals/sign-in',
    element: (
      <Suspense fallback={<LoadingState />}>
        <ExternalLinkPage kind="sign-in" />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <SignedInLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <RoomSearchPage /> },
      { path: 'admin/*', element: <AdminPages /> },
      { path: 'catalog', element: <CatalogPage /> },
      { path: 'bookings', element: <MyBookingsPage /> },
      { path: 'facility', element: <FacilityBoardPage /> },
      { path: 'analytics', element: <AnalyticsPage /> },
      { path: 'rooms/:id', element: <RoomPage /> },
      { path: 'plan', element: <PlanPage /> },
      { path: 'events', element: <EventsPage /> },
      { path: 'events/:id', element: <EventPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function App({ client, router }: { client: ApiClient; router: AppRouter }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <ApiProvider client={client}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </ApiProvider>
    </FluentProvider>
  );
}
