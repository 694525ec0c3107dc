// Quiet logs unless a run asks for them. The network seal is test/support/sealedTests.ts.
process.env.LOG_LEVEL ??= 'silent';
