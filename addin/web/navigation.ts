import type { Role } from '../../shared/schemas/users';
import { strings } from './strings';

/** Who may see a page: mirrors the API's access levels, so the nav never offers a page whose calls would answer 403. */
export type PageAccess = 'signed-in' | 'employee' | 'facility' | 'analytics' | 'admin';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly access: PageAccess;
}

/** The app's pages in menu order. Later issues add My bookings, Admin, Facility, Displays and Office plan here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: strings.nav.findRoom, access: 'signed-in' },
  { to: '/plan', label: strings.planNav.plan, access: 'signed-in' },
  { to: '/bookings', label: strings.bookingsNav.myBookings, access: 'signed-in' },
  { to: '/events', label: strings.eventsNav.events, access: 'employee' },
  { to: '/admin', label: strings.adminNav.admin, access: 'admin' },
  { to: '/catalog', label: strings.catalogNav.catalog, access: 'facility' },
  { to: '/facility', label: strings.facilityNav.facility, access: 'facility' },
  { to: '/analytics', label: strings.analyticsNav.analytics, access: 'analytics' },
];

export function mayOpen(access: PageAccess, role: Role): boolean {
  switch (access) {
    case 'signed-in':
      return true;
    case 'employee':
      return role !== 'external';
    case 'facility':
      return role === 'facility' || role === 'admin';
    case 'analytics':
      return role === 'analyst' || role === 'admin';
    case 'admin':
      return role === 'admin';
  }
}

export function visibleNavItems(items: readonly NavItem[], role: Role): NavItem[] {
  return items.filter((item) => mayOpen(item.access, role));
}
