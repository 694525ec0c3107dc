import { DEMO_MAIL_DOMAIN } from './organisation';

/**
 * A believable working week of meetings in the demo rooms: what they are about and how full
 * each room's days are, so search shows free, partly busy and busy rooms.
 */

export const DEMO_WORKING_DAYS = 5;
/** Meetings fall between these local times, further limited by the building's opening hours. */
export const DAY_START = '08:00';
export const DAY_END = '18:00';

export const SUBJECTS = [
  'Weekly team sync',
  'Sprint planning',
  'Sprint review',
  'Customer call',
  'Budget review',
  'Project kick-off',
  'Design review',
  'One-to-one',
  'Interview',
  'Retrospective',
  'Product demo',
  'Architecture discussion',
  'Sales pipeline review',
  'Onboarding session',
  'Vendor meeting',
  'Board preparation',
  'Marketing brainstorm',
  'Quarterly planning',
  'Hiring committee',
  'Town hall rehearsal',
];
export const BOOTH_SUBJECTS = [
  'Phone call',
  'Customer call',
  'One-to-one',
  'Interview (remote)',
  'Focus time',
  'Support escalation',
];

/** How full each room's days are; some stay empty so search has free rooms to offer. */
export const BUSYNESS = [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9] as const;

/** Where the demo's online meetings are held. */
export const ONLINE_MEETING_HOST = `meet.${DEMO_MAIL_DOMAIN}`;
