import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { createHash } from 'node:crypto';
import { inlineScriptHashes } from './inlineScripts';
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

describe("the taskpane's inline first script", () => {
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('is allowed by the hash of exactly its text; script files and other pages stay as they were', async () => {
    const first = 'self.started=1;';
    const html = `<head><script defer src="/x.js"></script></head><body><script>${first}</script></body>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(first)]);

    const app = express();
    app.use(taskpaneSecurityHeaders({ https: true, inlineScriptHashes: () => inlineScriptHashes(html) }));
    app.get('/taskpane.html', (_req, res) => {
      res.send(html);
    });
    const res = await request(app).get('/taskpane.html');
    const scriptSrc = /script-src ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1]?.trim();
    expect(scriptSrc).toBe(`'self' https://appsforoffice.microsoft.com ${sha256(first)}`);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });
});
