/**
 * Evaluated just before Ink (see liveInk.ts): Ink decides once, when it is first imported,
 * whether it runs in CI (is-in-ci), and in CI it draws only a final frame. Tests of live
 * redrawing need the terminal behaviour a learner gets, so CI is hidden for that moment.
 */
const g = globalThis as { __twSavedCi?: string | undefined };
g.__twSavedCi = process.env.CI;
delete process.env.CI;
