// The outline rules live in shared/ so that the floor-plan editor checks a shape with the same
// rule the server enforces on save.
export { polygonProblems, type PlanSize, type Point } from '../../../shared/geometry/polygon';
