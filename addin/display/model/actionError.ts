import { z } from 'zod';
import { isApiError } from '../../api/client';
import { displayStrings } from '../strings';
import { clockTime } from './format';

/** What a refused action tells the person at the door, in words. */
export interface ActionProblem {
  readonly message: string;
  /** Free rooms nearby, when the refusal names them (409 on book now). */
  readonly nearby: readonly { readonly name: string; readonly where: string }[];
  /** The PIN keypad must come (again). */
  readonly askPin: boolean;
}

/** The 409's details as display-actions sends them; read leniently, as words are the point. */
const conflictDetails = z
  .object({
    nextFreeAt: z.string().nullish(),
    nextFree: z.string().nullish(),
    nearestFree: z
      .array(z.object({ name: z.string(), floorName: z.string().optional(), buildingName: z.string().optional() }))
      .optional(),
  })
  .passthrough();

export function actionProblem(error: unknown, timeZone: string): ActionProblem {
  const words = displayStrings;
  const plain = (message: string, askPin = false): ActionProblem => ({ message, nearby: [], askPin });
  if (!isApiError(error)) return plain(words.errors.generic);
  if (error.code === 'network_error') return plain(words.errors.unreachable);
  // The PIN codes are display-live's (contract section 3); any other 403 on an action also means "PIN".
  if (error.status === 403)
    return plain(String(error.code) === 'display_pin_wrong' ? words.pin.wrong : words.pin.required, true);
  if (error.status === 429) return plain(words.pin.tooMany);
  if (error.status === 503 || error.code === 'unavailable') return plain(words.errors.unavailable);
  if (error.status === 409) {
    const details = conflictDetails.safeParse(error.details);
    const nextFree = details.success ? (details.data.nextFreeAt ?? details.data.nextFree) : null;
    const nearby = details.success ? (details.data.nearestFree ?? []) : [];
    const at =
      nextFree && !Number.isNaN(Date.parse(nextFree)) ? words.errors.nextFree(clockTime(nextFree, timeZone)) : '';
    return {
      message: [error.message || words.errors.conflict, at].filter(Boolean).join(' '),
      nearby: nearby.map((room) => ({ name: room.name, where: room.floorName ?? room.buildingName ?? '' })),
      askPin: false,
    };
  }
  return plain(error.message || words.errors.generic);
}
