import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { PreviewOutlook } from '../../server/ports/previewOutlook';
import type { PreviewAppointment } from '../../shared/schemas/previewOutlook';
import { createTestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The taskpane preview's Outlook over HTTP: the demo's stand-in saves as the signed-in user, and
 * without the demo's simulated Exchange (a real Exchange, or none) there is nothing behind the
 * route: 404, and nothing is called.
 */
const APPOINTMENT: PreviewAppointment = {
  subject: 'Kick-off',
  start: '2026-12-08T09:00:00.000Z',
  end: '2026-12-08T10:00:00.000Z',
  location: '',
  requiredAttendees: [{ name: 'Lukas Meyer', email: 'lukas.meyer@northwind.test' }],
  optionalAttendees: [],
};

/** A hand-written PreviewOutlook that records who asked for what. */
function recordingOutlook(available: () => boolean) {
  const calls: string[] = [];
  const outlook: PreviewOutlook = {
    available: () => Promise.resolve(available()),
    save(userEmail, appointment, itemId) {
      calls.push(`save ${userEmail} ${appointment.subject} ${itemId ?? 'new'}`);
      return Promise.resolve({ itemId: itemId ?? 'AAMk-saved-1' });
    },
    send(userEmail, _appointment, itemId) {
      calls.push(`send ${userEmail} ${itemId}`);
      return Promise.resolve();
    },
  };
  return { outlook, calls };
}

describe('the taskpane preview’s Outlook', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);

  afterAll(async () => {
    await db.close();
  });

  it('saves and sends as the signed-in user while the demo’s simulated Exchange runs', async () => {
    const { outlook, calls } = recordingOutlook(() => true);
    const app = createTestApp(db.knex, { previewOutlook: () => outlook });
    const token = await app.tokenFor('employee');
    const me = await request(app.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const email = (me.body as { user: { email: string } }).user.email;

    const saved = await request(app.app)
      .post('/api/preview-outlook/appointments')
      .set('Authorization', `Bearer ${token}`)
      .send({ appointment: APPOINTMENT });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ itemId: 'AAMk-saved-1' });
    const sent = await request(app.app)
      .post('/api/preview-outlook/appointments/send')
      .set('Authorization', `Bearer ${token}`)
      .send({ appointment: APPOINTMENT, itemId: 'AAMk-saved-1' });
    expect(sent.status).toBe(204);
    expect(calls).toEqual([`save ${email} Kick-off new`, `send ${email} AAMk-saved-1`]);
  });

  it('is not there with a real Exchange, nor once an admin replaced the simulator, nor signed out', async () => {
    let simulated = true;
    const { outlook, calls } = recordingOutlook(() => simulated);
    const withoutDemo = createTestApp(db.knex);
    const withDemo = createTestApp(db.knex, { previewOutlook: () => outlook });
    const token = await withoutDemo.tokenFor('employee');
    const save = (app: typeof withoutDemo) =>
      request(app.app)
        .post('/api/preview-outlook/appointments')
        .set('Authorization', `Bearer ${token}`)
        .send({ appointment: APPOINTMENT });

    expect((await save(withoutDemo)).status).toBe(404);
    simulated = false;
    const replaced = await save(withDemo);
    expect(replaced.status).toBe(404);
    expect((replaced.body as { error: { code: string } }).error.code).toBe('not_found');
    const signedOut = await request(withDemo.app)
      .post('/api/preview-outlook/appointments')
      .send({ appointment: APPOINTMENT });
    expect(signedOut.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a meeting that ends before it starts', async () => {
    const { outlook, calls } = recordingOutlook(() => true);
    const app = createTestApp(db.knex, { previewOutlook: () => outlook });
    const token = await app.tokenFor('employee');
    const res = await request(app.app)
      .post('/api/preview-outlook/appointments')
      .set('Authorization', `Bearer ${token}`)
      .send({ appointment: { ...APPOINTMENT, end: APPOINTMENT.start } });
    expect(res.status).toBe(400);
    expect(calls).toEqual([]);
  });
});
