import type { OpeningHours } from '../../shared/schemas/locations';

/**
 * The demo organisation: the single description of the demo buildings, rooms, people and their
 * mailboxes. The database seed (demo/database/) and the Exchange simulator's seed
 * (demo/exchange/simulatorSeed.ts) are both generated from it.
 */

export const DEMO_MAIL_DOMAIN = 'northwind.test';
/** The Windows domain of the demo logons (`NORTHWIND\\ada.admin`). */
export const DEMO_LOGON_DOMAIN = 'NORTHWIND';

export interface DemoRoom {
  readonly name: string;
  readonly email: string;
  readonly capacity: number;
  readonly tags: readonly string[];
}

export interface DemoFloor {
  readonly name: string;
  readonly level: number;
  readonly rooms: readonly DemoRoom[];
}

export interface DemoBuilding {
  readonly key: string;
  readonly name: string;
  readonly address: string;
  readonly timeZone: string;
  readonly openingHours: OpeningHours;
  readonly floors: readonly DemoFloor[];
}

export interface DemoPerson {
  readonly name: string;
  readonly email: string;
  readonly role: 'admin' | 'facility' | 'employee' | 'external';
}

type RoomSpec = readonly [name: string, capacity: number, tags: readonly string[]];

const VC = 'Video conference';
const DISPLAY = 'Display';
const WB = 'Whiteboard';
const ACCESS = 'Wheelchair accessible';
const PHONE = 'Phone booth';

const WEEKDAYS_OPEN = { open: '07:00', close: '20:00' } as const;
const RIVERSIDE_OPEN = { open: '07:30', close: '19:00' } as const;

function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function roomsOf(buildingKey: string, level: number, specs: readonly RoomSpec[]): DemoRoom[] {
  return specs.map(([name, capacity, tags]) => ({
    name,
    capacity,
    tags,
    email: `room.${buildingKey}.${level}.${asciiSlug(name)}@${DEMO_MAIL_DOMAIN}`,
  }));
}

export const DEMO_BUILDINGS: readonly DemoBuilding[] = [
  {
    key: 'harbour',
    name: 'Harbour House',
    address: 'Am Sandtorkai 1, 20457 Hamburg',
    timeZone: 'Europe/Berlin',
    openingHours: {
      mon: [WEEKDAYS_OPEN],
      tue: [WEEKDAYS_OPEN],
      wed: [WEEKDAYS_OPEN],
      thu: [WEEKDAYS_OPEN],
      fri: [WEEKDAYS_OPEN],
      sat: [{ open: '08:00', close: '14:00' }],
    },
    floors: [
      {
        name: 'Ground floor',
        level: 0,
        rooms: roomsOf('harbour', 0, [
          ['Elbe', 12, [DISPLAY, VC, WB, ACCESS]],
          ['Alster', 8, [DISPLAY, VC, ACCESS]],
          ['Bille', 4, [DISPLAY, ACCESS]],
          ['Este', 2, [PHONE, ACCESS]],
          ['Lühe', 6, [WB, ACCESS]],
          ['Harbour Hall', 40, [DISPLAY, VC, ACCESS]],
          ['Speicher', 10, [DISPLAY, WB, ACCESS]],
          ['Kai', 3, [PHONE, DISPLAY, ACCESS]],
        ]),
      },
      {
        name: 'First floor',
        level: 1,
        rooms: roomsOf('harbour', 1, [
          ['Kehrwieder', 6, [DISPLAY, VC]],
          ['Brook', 4, [WB]],
          ['Wandrahm', 8, [DISPLAY, VC, WB]],
          ['Cremon', 2, [PHONE]],
          ['Deichstrasse', 10, [DISPLAY, VC]],
          ['Holländischer Brook', 14, [DISPLAY, VC, WB]],
          ['Zippelhaus', 5, [DISPLAY]],
          ['Dienerreihe', 3, [PHONE, VC]],
        ]),
      },
      {
        name: 'Second floor',
        level: 2,
        rooms: roomsOf('harbour', 2, [
          ['Lighthouse', 20, [DISPLAY, VC, WB]],
          ['Pier', 6, [DISPLAY, VC]],
          ['Dock', 4, [WB]],
          ['Crane', 8, [DISPLAY, WB]],
          ['Buoy', 2, [PHONE]],
          ['Anchor', 12, [DISPLAY, VC, WB]],
          ['Compass', 6, [DISPLAY, VC]],
          ['Lantern', 3, [PHONE, DISPLAY]],
        ]),
      },
    ],
  },
  {
    key: 'riverside',
    name: 'Riverside Tower',
    address: 'Zollhof 5, 40221 Düsseldorf',
    timeZone: 'Europe/Berlin',
    openingHours: {
      mon: [RIVERSIDE_OPEN],
      tue: [RIVERSIDE_OPEN],
      wed: [RIVERSIDE_OPEN],
      thu: [RIVERSIDE_OPEN],
      fri: [{ open: '07:30', close: '18:00' }],
    },
    floors: [
      {
        name: 'Third floor',
        level: 3,
        rooms: roomsOf('riverside', 3, [
          ['Rhine', 16, [DISPLAY, VC, WB, ACCESS]],
          ['Ruhr', 8, [DISPLAY, VC, ACCESS]],
          ['Lippe', 4, [WB, ACCESS]],
          ['Wupper', 6, [DISPLAY, ACCESS]],
          ['Erft', 2, [PHONE, ACCESS]],
          ['Sieg', 10, [DISPLAY, VC, ACCESS]],
          ['Düssel', 5, [DISPLAY, WB, ACCESS]],
          ['Emscher', 3, [PHONE, VC, ACCESS]],
        ]),
      },
      {
        name: 'Fourth floor',
        level: 4,
        rooms: roomsOf('riverside', 4, [
          ['Skyline', 24, [DISPLAY, VC, WB, ACCESS]],
          ['Media Harbour', 10, [DISPLAY, VC, ACCESS]],
          ['Gehry', 6, [DISPLAY, WB, ACCESS]],
          ['Rheinturm', 8, [DISPLAY, VC, ACCESS]],
          ['Königsallee', 12, [DISPLAY, VC, WB, ACCESS]],
          ['Altstadt', 4, [WB, ACCESS]],
          ['Hofgarten', 2, [PHONE, ACCESS]],
          ['Carlsplatz', 6, [DISPLAY, ACCESS]],
        ]),
      },
    ],
  },
];

function person(name: string, role: DemoPerson['role'] = 'employee'): DemoPerson {
  return { name, role, email: `${name.split(' ').map(asciiSlug).join('.')}@${DEMO_MAIL_DOMAIN}` };
}

/** Twenty people with Exchange mailboxes, plus one external guest without one. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person('Ada Admin', 'admin'),
  person('Frieda Facility', 'facility'),
  person('Emma Schmidt'),
  person('Lukas Meyer'),
  person('Sophie Wagner'),
  person('Jonas Becker'),
  person('Mia Hoffmann'),
  person('Paul Schulz'),
  person('Lea Koch'),
  person('Felix Richter'),
  person('Hannah Klein'),
  person('Noah Wolf'),
  person('Lina Schröder'),
  person('Elias Neumann'),
  person('Marie Schwarz'),
  person('Ben Zimmermann'),
  person('Clara Braun'),
  person('Leon Krüger'),
  person('Amelie Hartmann'),
  person('David Lange'),
];

export const DEMO_EXTERNAL_GUEST: DemoPerson = {
  name: 'Gina Guest',
  email: 'gina.guest@partner.example',
  role: 'external',
};
export const DEMO_EXTERNAL_GUEST_COMPANY = 'Partner Consulting AG';

/** A contractor invited by the admin who has not opened the invitation yet (Admin → Externals). */
export const DEMO_INVITED_CONTRACTOR: DemoPerson & { readonly company: string } = {
  name: 'Jonas Keller',
  email: 'jonas.keller@hafenbau-nord.example',
  role: 'external',
  company: 'Hafenbau Nord GmbH',
};

/** The service account with ApplicationImpersonation that Roomserve uses against Exchange. */
export const DEMO_SERVICE_ACCOUNT = {
  name: 'Roomserve Service',
  email: `svc-roomserve@${DEMO_MAIL_DOMAIN}`,
  username: `${DEMO_LOGON_DOMAIN}\\svc-roomserve`,
} as const;

/** Every demo account's password (Roomserve and Exchange), documented in the README. Demo only. */
export const DEMO_PASSWORD = 'Roomserve-demo-1';

export function allDemoRooms(): DemoRoom[] {
  return DEMO_BUILDINGS.flatMap((b) => b.floors.flatMap((f) => [...f.rooms]));
}

/** The Exchange room list (distribution group) that holds a building's rooms. */
export function demoRoomListEmail(building: DemoBuilding): string {
  return `${asciiSlug(building.name)}@${DEMO_MAIL_DOMAIN}`;
}

/** The logon of a demo mailbox: the local part of its address in the demo's Windows domain. */
export function demoLogon(email: string): string {
  return `${DEMO_LOGON_DOMAIN}\\${email.split('@')[0] ?? email}`;
}
