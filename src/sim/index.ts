/** The simulation's public surface: everything outside src/sim imports from here. */
export { Simulation, type SimulationOptions, type RunResult, type BudgetStop } from './engine/simulation.js';
export { LIMITS, formatCount } from './limits.js';
export { BUILTIN_SCENARIOS, SCENARIO_NAMES, getScenario } from './scenarios/index.js';
export * from './types.js';
export * from './trace.js';
export * from './policy.js';
export * from './scenario.js';
export * from './condition.js';
export * from './view.js';
export * from './seq.js';
export * from './time.js';
export { TCP_STATES, isTcpState, isSynchronized, type TcpState } from './tcp/states.js';
