/** The built-in scenarios, by name. */
import type { ScenarioSpec } from '../scenario.js';
import { abortRst, lostFinalAck, normalClose, simultaneousClose } from './closing.js';
import { berkeleyException, churn, newIncarnation, wanderingDuplicate } from './incarnations.js';
import { dataAfterClose, halfClose, orphanFinWait2, portExhaustion, threeSegmentClose, unreadClose } from './linux.js';

/** The scenarios of the CLI contract (shared/DESIGN.md), in teaching order. */
export const SCENARIO_NAMES = [
  'normal-close',
  'lost-final-ack',
  'simultaneous-close',
  'abort-rst',
  'wandering-duplicate',
  'new-incarnation',
  'berkeley-exception',
  // Where Linux's close rules differ (run them with --preset linux and without).
  'orphan-fin-wait-2',
  'data-after-close',
  'unread-close',
  'half-close',
  'three-segment-close',
  'port-exhaustion',
] as const;

export const BUILTIN_SCENARIOS: Record<string, ScenarioSpec> = Object.fromEntries(
  [normalClose, lostFinalAck, simultaneousClose, abortRst, wanderingDuplicate, newIncarnation, berkeleyException, churn, orphanFinWait2, dataAfterClose, unreadClose, halfClose, threeSegmentClose, portExhaustion].map(
    (s) => [s.name, s],
  ),
);

export function getScenario(name: string): ScenarioSpec | undefined {
  return BUILTIN_SCENARIOS[name];
}
