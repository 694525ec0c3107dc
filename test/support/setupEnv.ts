import vm from 'node:vm';

// Quiet logs unless a run asks for them. The network seal is test/support/sealedTests.ts.
process.env.LOG_LEVEL ??= 'silent';

/**
 * scripts/test.mjs runs its passes (PGlite, PostgreSQL, a second time zone) as projects of one jest
 * run that share the workers, so each file takes its pass's database engine and time zone here,
 * before it loads. The time zone must be set on the worker process itself: V8 follows the real
 * process.env.TZ, not this sandbox's copy of it.
 */
interface PassSettings {
  readonly TZ: string;
  readonly TEST_DB: string;
}

const pass = (globalThis as { roomservePass?: PassSettings }).roomservePass;
if (pass) {
  const workerProcess = vm.runInThisContext('process') as NodeJS.Process;
  workerProcess.env.TZ = pass.TZ;
  workerProcess.env.TEST_DB = pass.TEST_DB;
  process.env.TZ = pass.TZ;
  process.env.TEST_DB = pass.TEST_DB;
}
