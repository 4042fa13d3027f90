/** Moved to the UI-free diagram module, which the ladder engine and the exports share. */
export * from '../diagram/eventText.js';
