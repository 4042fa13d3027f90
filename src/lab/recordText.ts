/** One plain line of text per lab record, for the headless form without --json (pure). */
import type { LabRecord } from './records.js';
import { formatCounts } from './socketTable.js';

const secs = (x: number | null) => (x === null ? 'unknown' : `${x.toFixed(2)} s`);

export function recordLine(r: LabRecord): string | null {
  switch (r.kind) {
    case 'start':
      return `${r.experiment}: reading the kernel's table from ${r.source}${r.timers ? '' : ' (states only, no timers)'}`;
    case 'close':
      return (
        `${r.closer} closed first (client ${r.client}, server ${r.server}): client ${r.observed.client}, server ${r.observed.server}` +
        (r.observed.timerSeconds === null ? '' : `, ${secs(r.observed.timerSeconds)} left`) +
        `; the simulator predicted ${r.predicted.waiter} waits${r.match ? ' (agrees)' : ' (differs)'}`
      );
    case 'tick':
      return `${r.elapsedSeconds.toFixed(0).padStart(3)} s after the close: ${r.state}, kernel ${secs(r.remainingSeconds)} left, simulator ${secs(r.predictedRemainingSeconds)} left`;
    case 'gone':
      return r.timedOut
        ? `still in TIME_WAIT when the lab stopped watching; the simulator says ${secs(r.predictedSeconds)}`
        : `TIME_WAIT lasted ${secs(r.measuredSeconds)} in the kernel; the simulator (linux preset) says ${secs(r.predictedSeconds)}`;
    case 'reconnect':
      return `reconnect from port ${r.localPort} (${r.holder} holds TIME_WAIT, ${r.reuse ? 'with' : 'without'} SO_REUSEADDR): ${r.errno ?? 'success'}; simulator: ${r.predicted}. ${r.explanation}`;
    case 'progress':
      return `${r.done}/${r.of} connections: ${formatCounts(r.counts)}`;
    case 'summary':
      return (
        `${r.count} connections (${r.failed} failed): ${formatCounts(r.counts)}; whole machine: ${formatCounts(r.machine)}` +
        (r.ports ? `; ports ${r.ports.lowest}-${r.ports.highest}, ${r.ports.distinct} distinct` : '') +
        (r.portRange ? `; ephemeral range ${r.portRange[0]}-${r.portRange[1]}` : '')
      );
    case 'sysctl':
      return `${r.name} = ${r.value ?? '(unavailable)'}: ${r.explanation}`;
    case 'unavailable':
      return r.reason;
    case 'error':
      return `the experiment stopped: ${r.message}`;
    case 'done':
      return null;
  }
}
