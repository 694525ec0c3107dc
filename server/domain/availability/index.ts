export * from './interval';
export * from './availability';
export * from './bestFit';
export * from './bookingVisibility';
