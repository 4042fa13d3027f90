/**
 * The workload of the memory benchmark, run by bench/memory.ts as a bundled script in a fresh
 * `node --expose-gc` process, so RSS is the program's own and not the benchmark runner's.
 * Prints one JSON object.
 */
import { Simulation, getScenario } from '../src/sim/index.js';
import { SimController, SPEEDS } from '../src/ui/simController.js';
import { interactiveSimOptions } from '../src/ui/sandboxOptions.js';

const MB = 1024 * 1024;
const seconds = Number(process.argv[2] ?? 3600);
const sim = Simulation.create(getScenario('churn')!, interactiveSimOptions());
const controller = new SimController(sim, { speedIndex: SPEEDS.length - 1, skipIdle: true });
controller.play();
const samples: Array<{ minute: number; rss: number; heap: number }> = [];
let nextSample = 0;
const sample = (): void => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  samples.push({ minute: sim.now / 60e6, rss: m.rss / MB, heap: m.heapUsed / MB });
};
while (sim.now < seconds * 1e6 && !sim.isQuiet()) {
  controller.tick(16); // one 60 Hz animation frame of wall time per tick
  if (sim.now >= nextSample) {
    sample();
    nextSample += (seconds / 10) * 1e6;
  }
}
sample();
process.stdout.write(
  JSON.stringify({ samples, events: sim.stepCount, kept: sim.trace.length, checkpoints: sim.checkpointCount }),
);
