/**
 * Import this first in a test that renders through Ink's real render() and reads live frames.
 * Modules are evaluated in import order, so Ink is imported with CI hidden, and CI is restored
 * straight after (the export tests use CI to decide that a missing tool is a failure).
 */
import './ciCleared.js';
import 'ink';
import './ciRestored.js';
