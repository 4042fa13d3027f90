/**
 * src/store: saved progress (UI-free).
 *
 * Typical use by the CLI/TUI:
 *   const { store, progress, warning } = await openProgress({ env: process.env, flag: args.configDir, now: Date.now() });
 *   if (warning) showOneLine(warning);
 *   let p = recordLessonStep(progress, 'the-close', 3, Date.now());
 *   const r = await store.save(p);            // { ok: false, warning } on failure; never throws
 *   resumePoint(p)                            // -> { lessonId, step } for the menu's "resume"
 *   await resetProgress({ env: process.env, now: Date.now() })   // after the learner confirms
 * See each module's header for the details.
 */
export * from './configDir.js';
export * from './exportDir.js';
export * from './schema.js';
export * from './migrations.js';
export * from './progress.js';
export * from './storeFs.js';
export * from './progressStore.js';
export * from './learnerId.js';
