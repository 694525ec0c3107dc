import type { HeatCell } from './heatmap';
import type { RoomReport } from './report';

/** When a figure is worth a sentence; stored in the analytics settings. Shares are fractions 0–1. */
export interface RecommendationThresholds {
  /** A room needs at least this many bookings in the range before its shares say anything. */
  readonly minBookings: number;
  readonly underHalfCapacityShare: number;
  readonly overCapacityShare: number;
  readonly peakBookedShare: number;
  readonly noShowRate: number;
  readonly lowUtilisation: number;
  /** Booked minus checked-in utilisation: rooms booked far more than they are used. */
  readonly ghostGap: number;
}

export const DEFAULT_THRESHOLDS: RecommendationThresholds = {
  minBookings: 10,
  underHalfCapacityShare: 0.6,
  overCapacityShare: 0.2,
  peakBookedShare: 0.85,
  noShowRate: 0.2,
  lowUtilisation: 0.1,
  ghostGap: 0.3,
};

export type RecommendationKind = 'too-big' | 'too-small' | 'peak' | 'no-shows' | 'underused' | 'ghost-bookings';

export interface Recommendation {
  readonly kind: RecommendationKind;
  readonly subject: { readonly kind: 'room' | 'floor'; readonly id: string; readonly name: string };
  readonly text: string;
  /** The figure behind the sentence (a fraction 0–1) and what it is. */
  readonly figure: number;
  readonly figureName: string;
}

export interface FloorHeat {
  readonly floorId: string;
  readonly name: string;
  readonly cells: readonly HeatCell[];
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;
const WEEKDAY_PLURAL = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

function roomSentences(r: RoomReport, t: RecommendationThresholds): Recommendation[] {
  const { room, figures: f } = r;
  const subject = { kind: 'room' as const, id: room.id, name: room.name };
  const out: Recommendation[] = [];
  const enough = f.bookings >= t.minBookings;
  // Strictly under half the seats: at most ceil(capacity / 2) - 1 people.
  const halfSeats = Math.ceil(room.capacity / 2) - 1;
  if (
    enough &&
    f.underHalfCapacityShare !== null &&
    f.underHalfCapacityShare >= t.underHalfCapacityShare &&
    halfSeats > 0
  )
    out.push({
      kind: 'too-big',
      subject,
      text: `${room.name} (${room.capacity} seats) hosts ${halfSeats} people or fewer in ${pct(f.underHalfCapacityShare)} of its meetings.`,
      figure: f.underHalfCapacityShare,
      figureName: 'underHalfCapacityShare',
    });
  if (enough && f.overCapacityShare !== null && f.overCapacityShare >= t.overCapacityShare)
    out.push({
      kind: 'too-small',
      subject,
      text: `${room.name} (${room.capacity} seats) has more people than seats in ${pct(f.overCapacityShare)} of its meetings.`,
      figure: f.overCapacityShare,
      figureName: 'overCapacityShare',
    });
  if (r.totals.neededCheckIn >= t.minBookings && f.noShowRate !== null && f.noShowRate >= t.noShowRate)
    out.push({
      kind: 'no-shows',
      subject,
      text: `${room.name}: ${pct(f.noShowRate)} of bookings are released as no-shows.`,
      figure: f.noShowRate,
      figureName: 'noShowRate',
    });
  if (f.bookedUtilisation !== null && f.bookedUtilisation <= t.lowUtilisation)
    out.push({
      kind: 'underused',
      subject,
      text: `${room.name} is booked for only ${pct(f.bookedUtilisation)} of its opening hours.`,
      figure: f.bookedUtilisation,
      figureName: 'bookedUtilisation',
    });
  if (
    f.bookedUtilisation !== null &&
    f.checkedInUtilisation !== null &&
    f.bookedUtilisation - f.checkedInUtilisation >= t.ghostGap
  )
    out.push({
      kind: 'ghost-bookings',
      subject,
      text: `${room.name} is booked for ${pct(f.bookedUtilisation)} of its opening hours but used for ${pct(f.checkedInUtilisation)}.`,
      figure: f.bookedUtilisation - f.checkedInUtilisation,
      figureName: 'bookedUtilisation - checkedInUtilisation',
    });
  return out;
}

/** Runs of consecutive hours on one weekday whose booked share is at or over the threshold. */
function peakSentences(floor: FloorHeat, t: RecommendationThresholds): Recommendation[] {
  const out: Recommendation[] = [];
  const hot = (c: HeatCell | undefined): c is HeatCell =>
    c !== undefined && c.bookedShare !== null && c.bookedShare >= t.peakBookedShare;
  for (let weekday = 0; weekday < 7; weekday += 1) {
    const day = floor.cells.filter((c) => c.weekday === weekday).sort((a, b) => a.hour - b.hour);
    for (let i = 0; i < day.length; i += 1) {
      if (!hot(day[i]) || hot(day[i - 1])) continue;
      let j = i;
      while (hot(day[j + 1])) j += 1;
      const run = day.slice(i, j + 1);
      const share = run.reduce((s, c) => s + c.bookedMinutes, 0) / run.reduce((s, c) => s + c.openMinutes, 0);
      out.push({
        kind: 'peak',
        subject: { kind: 'floor', id: floor.floorId, name: floor.name },
        text: `${floor.name} is ${pct(share)} booked between ${hh(run[0]?.hour ?? 0)} and ${hh((run[run.length - 1]?.hour ?? 0) + 1)} on ${WEEKDAY_PLURAL[weekday] ?? ''}.`,
        figure: share,
        figureName: 'bookedShare',
      });
    }
  }
  return out;
}

/** Plain sentences from the figures, each with the figure behind it; strongest first within each kind. */
export function recommendations(
  rooms: readonly RoomReport[],
  floors: readonly FloorHeat[],
  thresholds: RecommendationThresholds,
): Recommendation[] {
  return [
    ...floors.flatMap((f) => peakSentences(f, thresholds)),
    ...rooms.flatMap((r) => roomSentences(r, thresholds)),
  ];
}
