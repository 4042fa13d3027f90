/** Compare mode: one scenario under two policy sets, and where the runs part. UI-free. */
export { compareRuns, type CompareOptions, type CompareSide, type Comparison } from './compareRuns.js';
export { findDivergence, type Divergence, type DivergencePoint } from './divergence.js';
export { divergenceSentence, markText, secondsText, segName, shortClause, type SideLabels } from './sentence.js';
export { sideLabels, policyValueLabel } from './labels.js';
export { alignRows, type DivergenceMark } from './alignRows.js';
export { compareLadderText, divergenceMark, verdictLines, COMPARE_WIDTH } from './sideBySide.js';
export { compareJson, COMPARE_JSON_FORMAT, COMPARE_JSON_VERSION } from './compareJson.js';
