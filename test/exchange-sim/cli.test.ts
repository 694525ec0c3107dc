import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `npm run exchange-sim` as a user starts it: real process, real port, CA file, clean stop. */

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function startCli(args: string[]): Promise<{ url: string; stop: () => Promise<number | null>; output: () => string }> {
  const child = spawn(tsx, [path.join(__dirname, 'cli.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line: ${output}`)), 20_000);
    child.stdout.on('data', () => {
      const m = /exchange-sim listening: (\S+)/.exec(output);
      if (!m?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        output: () => output,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.on('exit', () => reject(new Error(`exited early: ${output}`)));
  });
}

function get(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('exchange-sim CLI', () => {
  it('serves https on the given port, writes the CA and stops on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exsim-'));
    const caFile = path.join(dir, 'ca.pem');
    try {
      const sim = await startCli([
        '--port',
        '0',
        '--seed',
        'demo',
        '--ca-out',
        caFile,
        '--attendant-delay-ms',
        '50',
        '--no-validate',
      ]);
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx$/);
      expect(existsSync(caFile)).toBe(true);
      const ca = readFileSync(caFile, 'utf8');
      expect(ca).toContain('BEGIN CERTIFICATE');
      const stats = await get(sim.url.replace('/EWS/Exchange.asmx', '/sim/stats'), ca);
      expect(stats.status).toBe(200);
      expect(JSON.parse(stats.body)).toMatchObject({ total: 0 });
      const unauthenticated = await get(sim.url, ca);
      expect(unauthenticated.status).toBe(401);
      expect(await sim.stop()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown option with a usage message', async () => {
    await expect(startCli(['--bogus'])).rejects.toThrow(/Usage: npm run exchange-sim/);
  });
});
