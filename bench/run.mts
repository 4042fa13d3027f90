/**
 * `npm run bench`: prints every figure with its target beside it. Benchmarks measure; they
 * never fail the build (timing assertions would flake on a busy machine).
 * `npm run bench -- --quick` runs shorter versions.
 */
import { cpus } from 'node:os';
import { printFigures } from './report.js';
import { simulationFigures } from './simulation.js';
import { timestampsFigures } from './timestampsCost.js';
import { startupFigures } from './startup.js';
import { memoryFigures } from './memory.js';
import { keyLatencyFigures } from './keyLatency.js';
import { flickerFigures } from './flicker.js';

const quick = process.argv.includes('--quick');
console.log(`tcp-timewait benchmarks (node ${process.version}, ${cpus().length} cores${quick ? ', quick' : ''})`);
// Start-up first, before this process has warmed anything that could disturb the children.
printFigures('Start-up', await startupFigures(quick));
printFigures('Simulation', simulationFigures(quick));
printFigures('Timestamps option', timestampsFigures(quick));
printFigures('Memory', await memoryFigures(quick));
// These two load React and Ink into this process (in production mode), so they come last.
printFigures('Key-to-frame latency', await keyLatencyFigures(quick));
printFigures('Flicker', await flickerFigures(quick));
