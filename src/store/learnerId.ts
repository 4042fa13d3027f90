/**
 * The learner id: drawn at random once, when a progress file is first created (or migrated
 * from v1), and saved with it. It only seeds the order of lesson options, so it carries no
 * meaning and nothing personal: 64 random bits as hex.
 */
import { randomBytes } from 'node:crypto';

export function newLearnerId(): string {
  return randomBytes(8).toString('hex');
}
