/** The catering catalog's pure rules: what the orders and moving rules build on. */
export {
  beforeChangeCutoff,
  isItemAvailableAt,
  isWithinHours,
  isWithinProviderHours,
  leadTimeSatisfied,
  localDateTimeIn,
  weekdayOf,
} from './catalogTime';
export {
  availabilityProblems,
  itemProblems,
  providerProblems,
  providerServesBuilding,
  workingHoursProblems,
} from './catalogRules';
export { dietaryConflict, type DietaryConflict } from './dietaryRules';
