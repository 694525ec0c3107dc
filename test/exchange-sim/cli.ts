import { parseArgs } from 'node:util';
import { SERVER_PROFILES, type ExchangeRelease } from './soap/serverVersion';
import { startExchangeSim } from './index';

/** `npm run exchange-sim -- --port 8443 [--http] [--seed demo|path.json] [--ca-out ca.pem] [--attendant-delay-ms 200]` */

const USAGE = `Usage: npm run exchange-sim -- [options]
  --port N                 port to listen on (default 8443; 0 picks a free port)
  --host ADDR              address to bind (default 127.0.0.1)
  --http                   serve plain http instead of https
  --seed demo|FILE.json    seed to load (default demo)
  --ca-out FILE            write the generated CA certificate (PEM) here
  --attendant-delay-ms N   delay before a room's booking attendant answers (default 200)
  --no-basic               do not offer Basic authentication
  --no-validate            do not check requests against messages.xsd
  --release NAME           Exchange2019 (default) or Exchange2010_SP1
  --help                   show this text`;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

function releaseOption(value: string | undefined): ExchangeRelease | undefined {
  if (value === undefined) return undefined;
  if (value in SERVER_PROFILES) return value as ExchangeRelease;
  throw new Error(`--release must be one of ${Object.keys(SERVER_PROFILES).join(', ')}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      http: { type: 'boolean' },
      seed: { type: 'string' },
      'ca-out': { type: 'string' },
      'attendant-delay-ms': { type: 'string' },
      'no-basic': { type: 'boolean' },
      'no-validate': { type: 'boolean' },
      release: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sim = await startExchangeSim({
    port: numberOption(values.port, 'port') ?? 8443,
    host: values.host ?? '127.0.0.1',
    http: values.http ?? false,
    seed: values.seed ?? 'demo',
    caOut: values['ca-out'],
    attendantDelayMs: numberOption(values['attendant-delay-ms'], 'attendant-delay-ms'),
    basicAuth: !values['no-basic'],
    validateRequests: values['no-validate'] ? false : undefined,
    release: releaseOption(values.release),
  });
  console.log(`exchange-sim listening: ${sim.url}`);
  console.log(`control API: ${sim.baseUrl}/sim/`);
  if (values['ca-out'] && sim.control.caCertPem) console.log(`CA certificate written to ${values['ca-out']}`);
  if (values['ca-out'] && !sim.control.caCertPem) console.log('--ca-out ignored: --http serves no certificate');
  if (!sim.control.validatesRequests)
    console.log('request schema validation: off (EWS schemas not found or --no-validate)');
  const stop = (): void => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exit(2);
});
