/** The source of "now"; tests use a clock they can move. */
export interface Clock {
  now(): Date;
}
