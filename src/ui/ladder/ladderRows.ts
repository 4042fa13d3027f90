/** Moved to the UI-free ladder engine in src/diagram/. */
export * from '../../diagram/rows.js';
