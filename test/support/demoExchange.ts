import request from 'supertest';

/** The password every account of the simulator's demo seed shares. */
export const DEMO_PASSWORD = 'Roomserve-demo-1';

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
    username: 'NORTHWIND\\svc-roomserve',
    password: DEMO_PASSWORD,
    authMethod: 'basic',
    caBundlePem: sim.control.caCertPem,
  });
  if (saved.status !== 200)
    throw new Error(`saving the Exchange settings answered ${saved.status}: ${JSON.stringify(saved.body)}`);
}
