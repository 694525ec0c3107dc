import type { z } from 'zod';
import type {
  Building,
  Floor,
  Room,
  buildingInputSchema,
  floorInputSchema,
  roomInputSchema,
} from '../../../../../shared/schemas/locations';
import { adminStrings } from '../strings';
import type { FieldSpec, FieldValues } from './EditDialog';

const text = adminStrings.locations;

const str = (values: FieldValues, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** A number field as typed; NaN (not a number) goes to the server, whose message says so. */
const num = (values: FieldValues, name: string): number => {
  const typed = str(values, name);
  return typed === '' ? Number.NaN : Number(typed);
};

export const BUILDING_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: text.name, kind: 'text', required: true },
  { name: 'address', label: text.address, kind: 'text' },
  { name: 'timeZone', label: text.timeZone, kind: 'text', hint: text.timeZoneHint, required: true },
];

export function buildingValues(building: Building | undefined): FieldValues {
  return {
    name: building?.name ?? '',
    address: building?.address ?? '',
    timeZone: building?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

export function buildingBody(values: FieldValues): z.input<typeof buildingInputSchema> {
  return { name: str(values, 'name'), address: str(values, 'address'), timeZone: str(values, 'timeZone') };
}

export const FLOOR_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: text.name, kind: 'text', required: true },
  { name: 'level', label: text.level, kind: 'number', required: true },
];

export function floorValues(floor: Floor | undefined, nextLevel: number): FieldValues {
  return { name: floor?.name ?? '', level: String(floor?.level ?? nextLevel) };
}

export function floorBody(values: FieldValues): Omit<z.input<typeof floorInputSchema>, 'buildingId'> {
  return { name: str(values, 'name'), level: num(values, 'level') };
}

export const ROOM_FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: text.name, kind: 'text', required: true },
  { name: 'capacity', label: text.capacity, kind: 'number', required: true },
  { name: 'description', label: text.description, kind: 'textarea' },
  { name: 'exchangeEmail', label: text.exchangeEmail, kind: 'email' },
  { name: 'active', label: text.active, kind: 'switch' },
];

export function roomValues(room: Room | undefined): FieldValues {
  return {
    name: room?.name ?? '',
    capacity: String(room?.capacity ?? 6),
    description: room?.description ?? '',
    exchangeEmail: room?.exchange.email ?? '',
    active: room?.active ?? true,
  };
}

export function roomBody(values: FieldValues): Omit<z.input<typeof roomInputSchema>, 'floorId'> {
  const email = str(values, 'exchangeEmail');
  return {
    name: str(values, 'name'),
    capacity: num(values, 'capacity'),
    description: str(values, 'description'),
    exchangeEmail: email === '' ? null : email,
    active: values.active === true,
  };
}
