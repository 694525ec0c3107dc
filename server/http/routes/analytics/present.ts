import type {
  AnalyticsOverview,
  AnalyticsRecommendations,
  AnalyticsRoomFigures,
} from '../../../../shared/schemas/analytics';
import type { CateringFigures } from '../../../domain/analytics/catering';
import type { Recommendation } from '../../../domain/analytics/recommendations';
import type { AnalyticsReport, RoomReport } from '../../../domain/analytics/report';

export function presentRoom(r: RoomReport): AnalyticsRoomFigures {
  return {
    roomId: r.room.id,
    roomName: r.room.name,
    capacity: r.room.capacity,
    floorId: r.room.floorId,
    floorName: r.room.floorName,
    buildingId: r.room.buildingId,
    buildingName: r.room.buildingName,
    ...r.figures,
  };
}

const ranked = (r: RoomReport) => ({
  roomId: r.room.id,
  roomName: r.room.name,
  bookedUtilisation: r.figures.bookedUtilisation,
});

export function presentOverview(report: AnalyticsReport, catering: CateringFigures): AnalyticsOverview {
  return {
    overall: report.overall,
    buildings: [...report.buildings],
    floors: [...report.floors],
    leadTime: { buckets: [...report.leadTime.buckets], medianHours: report.leadTime.medianHours },
    trend: report.trend.map((w) => ({
      weekStart: w.weekStart,
      bookedUtilisation: w.bookedUtilisation,
      checkedInUtilisation: w.checkedInUtilisation,
      bookings: w.bookings,
    })),
    busiest: report.busiest.map(ranked),
    leastUsed: report.leastUsed.map(ranked),
    catering: {
      ...catering,
      spendByProvider: [...catering.spendByProvider],
      spendByBuilding: [...catering.spendByBuilding],
    },
  };
}

export const presentRecommendations = (items: readonly Recommendation[]): AnalyticsRecommendations => ({
  items: items.map((r) => ({ ...r, subject: { ...r.subject } })),
});
