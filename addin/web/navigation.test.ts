import { describe, expect, it } from '@jest/globals';
import { NAV_ITEMS, visibleNavItems, type NavItem } from './navigation';

describe('role-aware navigation', () => {
  const items: NavItem[] = [
    { to: '/', label: 'Find a room', access: 'signed-in' },
    { to: '/facility', label: 'Facility', access: 'facility' },
    { to: '/admin', label: 'Admin', access: 'admin' },
  ];
  const labels = (role: Parameters<typeof visibleNavItems>[1]) => visibleNavItems(items, role).map((i) => i.label);

  it('shows admin pages to admins only and facility pages to the facility team and admins', () => {
    expect(labels('admin')).toEqual(['Find a room', 'Facility', 'Admin']);
    expect(labels('facility')).toEqual(['Find a room', 'Facility']);
    expect(labels('employee')).toEqual(['Find a room']);
    expect(labels('external')).toEqual(['Find a room']);
  });

  it('offers the events page to staff, not to external users', () => {
    expect(visibleNavItems(NAV_ITEMS, 'employee').map((i) => i.to)).toContain('/events');
    expect(visibleNavItems(NAV_ITEMS, 'external').map((i) => i.to)).not.toContain('/events');
  });

  it('shows analytics to analysts and admins only; an analyst gets no facility or admin pages', () => {
    const withAnalytics: NavItem[] = [...items, { to: '/analytics', label: 'Analytics', access: 'analytics' }];
    const shown = (role: Parameters<typeof visibleNavItems>[1]) =>
      visibleNavItems(withAnalytics, role).map((i) => i.label);
    expect(shown('analyst')).toEqual(['Find a room', 'Analytics']);
    expect(shown('admin')).toEqual(['Find a room', 'Facility', 'Admin', 'Analytics']);
    expect(shown('facility')).toEqual(['Find a room', 'Facility']);
    expect(shown('employee')).toEqual(['Find a room']);
  });

  it('offers room search to everyone who is signed in', () => {
    expect(visibleNavItems(NAV_ITEMS, 'external').map((i) => i.to)).toContain('/');
  });
});
