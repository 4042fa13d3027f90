/** Puts CI back once Ink has been imported (see liveInk.ts), for the other tests in this worker. */
const g = globalThis as { __twSavedCi?: string | undefined };
if (g.__twSavedCi !== undefined) process.env.CI = g.__twSavedCi;
