import { demoDisplayLinkSchema } from '../schemas/displays';
import { endpoint } from './endpoint';

/**
 * What only the demo (`DEMO=on`, as `npm start` runs it) offers. Outside the demo these answer 404:
 * nothing behind them exists there.
 */
export const demoEndpoints = {
  displayLink: endpoint({
    method: 'get',
    path: '/demo/display-link',
    tag: 'Demo',
    summary:
      "The demo's paired room display: its page with the device token in the fragment (Admin → Displays, " +
      '"Open display"). Only in the demo; elsewhere it answers 404.',
    access: 'admin',
    response: demoDisplayLinkSchema,
  }),
};
