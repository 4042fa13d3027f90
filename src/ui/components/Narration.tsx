/**
 * Screen-reader mode: no drawing, only sentences. Where things stand (time, play state, each
 * endpoint's state and timers), then the latest events as plain narration, then the lesson text
 * and the keys. Ink writes this as plain text a screen reader can follow.
 */
import { Box, Text } from 'ink';
import { footerBindings, footerWord, type KeyContext } from '../keys/bindings.js';
import { describeEvent, fmtDuration, fmtSeconds } from '../format.js';
import { isVisibleEvent } from '../simTypes.js';
import { useSimSelector } from '../useSimulation.js';
import type { SimState } from '../simController.js';

export const NARRATED_EVENTS = 6;

export function statusSentence(s: Pick<SimState, 'clock' | 'playing' | 'quiet' | 'snapshot'>): string {
  const parts = [`Time ${fmtSeconds(s.clock)}, ${s.playing ? 'playing' : s.quiet ? 'finished' : 'paused'}.`];
  for (const host of ['client', 'server'] as const) {
    const v = s.snapshot.hosts[host];
    const c = v.connections[v.connections.length - 1];
    if (!c) {
      parts.push(`The ${host} has no connection${v.listening.length ? ' and is listening' : ''}.`);
      continue;
    }
    const timers = c.timers.map((t) => `${t.name} timer ${fmtDuration(t.expires - s.clock)} left`).join(', ');
    parts.push(`The ${host} is in ${c.state}${timers ? `, ${timers}` : ''}.`);
  }
  if (s.snapshot.inFlight.length) parts.push(`${s.snapshot.inFlight.length} segment${s.snapshot.inFlight.length > 1 ? 's' : ''} in flight.`);
  return parts.join(' ');
}

export function Narration({ title, narrative, contexts, message }: { title: string; narrative?: string | undefined; contexts: readonly KeyContext[]; message?: string | undefined }) {
  // The time of the last event, not the animated clock: a reader should hear about events,
  // not every animation frame.
  const s = useSimSelector((st) => ({
    clock: st.snapshot.now,
    playing: st.playing,
    quiet: st.quiet,
    snapshot: st.snapshot,
    trace: st.trace,
    traceLength: st.traceLength,
    traceVersion: st.traceVersion,
  }));
  const recent = [];
  for (let i = s.traceLength - 1; i >= 0 && recent.length < NARRATED_EVENTS; i--) {
    const ev = s.trace[i]!;
    if (isVisibleEvent(ev)) recent.unshift(`At ${fmtSeconds(ev.at)}: ${describeEvent(ev)}.`);
  }
  const keys = footerBindings([...contexts, 'global'])
    .map((b) => `${b.label} ${footerWord(b)}`)
    .join(', ');
  return (
    <Box flexDirection="column">
      <Text>{title}.</Text>
      <Text>{statusSentence(s)}</Text>
      {recent.map((r, i) => (
        <Text key={i}>{r}</Text>
      ))}
      {narrative && <Text>{narrative}</Text>}
      {message && <Text>{message}</Text>}
      <Text>Keys: {keys}.</Text>
    </Box>
  );
}
