/**
 * The saved-progress format's version, apart from its zod schema (schema.ts): code that needs
 * only the number (a fresh, empty progress) must not load zod before the first frame.
 */
export const CURRENT_VERSION = 2;
