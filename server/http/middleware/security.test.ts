import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { exchangeOriginsOf, taskpaneSecurityHeaders } from './security';

describe('who may frame the taskpane (security issue #20)', () => {
  const appWith = (exchangeOrigins: () => Promise<readonly string[]>) => {
    const app = express();
    app.use(taskpaneSecurityHeaders({ https: true, exchangeOrigins }));
    app.get('/taskpane.html', (_req, res) => {
      res.send('ok');
    });
    return app;
  };
  const frameAncestorsOf = (csp: unknown): string =>
    /frame-ancestors ([^;]*)/.exec(String(csp))?.[1]?.trim() ?? '(none)';

  it('is the Exchange server (Outlook on the web on-premise) and Outlook, never any https site', async () => {
    const res = await request(appWith(() => Promise.resolve(['https://mail.example.com']))).get('/taskpane.html');
    expect(frameAncestorsOf(res.headers['content-security-policy'])).toBe(
      "'self' https://outlook.office.com https://outlook.office365.com https://mail.example.com",
    );
  });

  it("keeps Outlook's hosts when the Exchange settings cannot be read", async () => {
    const res = await request(appWith(() => Promise.reject(new Error('db down')))).get('/taskpane.html');
    expect(res.status).toBe(200);
    expect(frameAncestorsOf(res.headers['content-security-policy'])).toBe(
      "'self' https://outlook.office.com https://outlook.office365.com",
    );
  });

  it('takes the https origins of the EWS URL and the allowed token hosts only', () => {
    expect(
      exchangeOriginsOf('https://mail.example.com/EWS/Exchange.asmx', [
        'owa.example.com',
        'https://ex2.example.com:8443',
      ]),
    ).toEqual(['https://mail.example.com', 'https://owa.example.com', 'https://ex2.example.com:8443']);
    expect(exchangeOriginsOf('http://127.0.0.1:5000/EWS/Exchange.asmx', undefined)).toEqual([]);
    expect(exchangeOriginsOf(undefined, undefined)).toEqual([]);
  });
});
