import { expect } from '@jest/globals';
import type { Express } from 'express';
import request from 'supertest';

export interface CreatedDisplay {
  id: string;
  pairingCode: string;
  pairingUrl: string;
  expiresAt: string;
}

/** An admin adds a display for the room (POST /api/admin/displays). */
export async function addDisplay(app: Express, adminBearer: string, roomId: string): Promise<CreatedDisplay> {
  const res = await request(app)
    .post('/api/admin/displays')
    .set('Authorization', `Bearer ${adminBearer}`)
    .send({ roomId });
  expect(res.status).toBe(201);
  return res.body as CreatedDisplay;
}

/** A tablet pairs with the code and gets its device token. */
export async function pairDisplay(app: Express, code: string): Promise<{ token: string; roomId: string }> {
  const res = await request(app).post('/api/display/pair').send({ code });
  expect(res.status).toBe(200);
  return res.body as { token: string; roomId: string };
}

export const asDisplay = (test: request.Test, token: string): request.Test =>
  test.set('Authorization', `Bearer ${token}`);
