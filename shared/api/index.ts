import type { Endpoint } from './endpoint';
import { addinEndpoints } from './addin';
import { analyticsEndpoints } from './analytics';
import { authEndpoints } from './auth';
import { bookingsEndpoints } from './bookings';
import { catalogEndpoints } from './catalog';
import { demoEndpoints } from './demo';
import { displaysEndpoints } from './displays';
import { eventsEndpoints } from './events';
import { exchangeEndpoints } from './exchange';
import { externalsEndpoints } from './externals';
import { filesEndpoints } from './files';
import { integrationEndpoints } from './integration';
import { locationsEndpoints } from './locations';
import { ordersEndpoints } from './orders';
import { planEndpoints } from './plan';
import { previewOutlookEndpoints } from './previewOutlook';
import { roomsEndpoints } from './rooms';
import { ssoEndpoints } from './sso';
import { usersEndpoints } from './users';

/**
 * Every endpoint contract of the API, by resource. The OpenAPI document and the bad-input test
 * iterate this list, so an endpoint added to a resource file is covered without further wiring.
 */
export const apiEndpoints = {
  auth: authEndpoints,
  users: usersEndpoints,
  files: filesEndpoints,
  locations: locationsEndpoints,
  orders: ordersEndpoints,
  rooms: roomsEndpoints,
  exchange: exchangeEndpoints,
  integration: integrationEndpoints,
  catalog: catalogEndpoints,
  addin: addinEndpoints,
  bookings: bookingsEndpoints,
  previewOutlook: previewOutlookEndpoints,
  displays: displaysEndpoints,
  demo: demoEndpoints,
  plan: planEndpoints,
  sso: ssoEndpoints,
  events: eventsEndpoints,
  externals: externalsEndpoints,
  analytics: analyticsEndpoints,
} as const;

export const allEndpoints: readonly Endpoint[] = Object.values(apiEndpoints).flatMap((group): Endpoint[] =>
  Object.values(group),
);
