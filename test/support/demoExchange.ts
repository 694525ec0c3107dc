import request from 'supertest';
import { DEMO_PASSWORD, DEMO_SERVICE_ACCOUNT } from '../../demo/organisation/organisation';

interface RunningSim {
  readonly url: string;
  readonly control: { readonly caCertPem?: string | undefined };
}

/**
 * Saves Roomserve's Exchange settings as an admin would, pointing at a simulator that runs the demo
 * seed (its service account, Basic auth, the simulator's own CA).
 */
export async function connectToDemoSim(
  app: Parameters<typeof request>[0],
  adminToken: string,
  sim: RunningSim,
): Promise<void> {
  const saved = await request(app).put('/api/admin/exchange').set('Authorization', `Bearer ${adminToken}`).send({
    ewsUrl: sim.url,
    username: DEMO_SERVICE_ACCOUNT.username,
    password: DEMO_PASSWORD,
    authMethod: 'basic',
    caBundlePem: sim.control.caCertPem,
  });
  if (saved.status !== 200)
    throw new Error(`saving the Exchange settings answered ${saved.status}: ${JSON.stringify(saved.body)}`);
}
