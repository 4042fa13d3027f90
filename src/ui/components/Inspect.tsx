/**
 * Inspect a segment: every header field, the incarnation it was born in, and its age against
 * MSL (a segment older than MSL should not exist; a loop can make one).
 */
import { Box, Text } from 'ink';
import type { SegmentRecord, TraceEvent } from '../../sim/trace.js';
import type { InFlightView } from '../../sim/view.js';
import { fmtDuration, fmtSeconds, segLabel, segMarks } from '../format.js';
import { GLYPHS, useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { barText } from './TimerBar.js';

export interface InspectItem {
  seg: SegmentRecord;
  where: string;
}

/** In-flight segments first, then the most recent ones from the trace, newest first. */
export function inspectItems(inFlight: readonly InFlightView[], trace: readonly TraceEvent[], max = 12): InspectItem[] {
  const out: InspectItem[] = inFlight.map((f) => ({ seg: f.seg, where: f.looping ? `looping, TTL ${f.seg.ttl}` : `in flight to ${f.nextNode}` }));
  const seen = new Set(out.map((x) => x.seg.id));
  for (let i = trace.length - 1; i >= 0 && out.length < max; i--) {
    const ev = trace[i]!;
    if ((ev.kind === 'deliver' || ev.kind === 'drop' || ev.kind === 'send') && !seen.has(ev.seg.id)) {
      seen.add(ev.seg.id);
      out.push({ seg: ev.seg, where: ev.kind === 'drop' ? `${GLYPHS.lost} lost at ${ev.host}` : ev.kind === 'deliver' ? `delivered to ${ev.host}` : `sent by ${ev.host}` });
    }
  }
  return out;
}

export function Inspect({ cursor, width, height }: { cursor: number; width: number; height: number }) {
  const theme = useTheme();
  const { inFlight, trace, traceLength, clock, msl } = useSimSelector((s) => ({
    inFlight: s.snapshot.inFlight,
    trace: s.trace,
    traceLength: s.traceLength,
    traceVersion: s.traceVersion,
    clock: s.clock,
    msl: s.snapshot.policies.mslSeconds,
  }));
  const items = inspectItems(inFlight, trace.slice(0, traceLength));
  const listRows = Math.min(items.length, Math.max(2, Math.floor((height - 2) / 3)));
  const top = Math.min(Math.max(0, cursor - listRows + 1), Math.max(0, items.length - listRows));
  const sel = items[Math.min(cursor, items.length - 1)];
  const fields: Array<[string, string]> = sel
    ? [
        ['id', `${sel.seg.id}${sel.seg.retransmitOf !== undefined ? `  ${GLYPHS.retransmission} retransmission of #${sel.seg.retransmitOf}` : ''}${sel.seg.copyOf !== undefined ? `  ${GLYPHS.duplicate} duplicate of #${sel.seg.copyOf}` : ''}`],
        ['from → to', `${sel.seg.src} → ${sel.seg.dst} (${sel.seg.from} sent it)`],
        ['flags', sel.seg.flags.join(' ') || '(none)'],
        ['seq / ack', `${sel.seg.seq} / ${sel.seg.ack}`],
        ['len / window', `${sel.seg.len} / ${sel.seg.window}`],
        ['data', sel.seg.data ? JSON.stringify(sel.seg.data) : '(none)'],
        ['TTL', String(sel.seg.ttl)],
        ['incarnation', `#${sel.seg.incarnation}`],
        ['born', fmtSeconds(sel.seg.born)],
      ]
    : [];
  const age = sel ? clock - sel.seg.born : 0;
  const mslUs = msl * 1e6;
  const ageW = Math.max(8, Math.min(30, width - 40));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text {...theme.heading}>Inspect a segment (↑/↓ choose, esc closes)</Text>
      {items.length === 0 && <Text {...theme.muted}>No segment has been sent yet.</Text>}
      {items.slice(top, top + listRows).map((it, i) => (
        <Text key={it.seg.id} wrap="truncate" {...(top + i === cursor ? theme.selected : {})}>
          {`${top + i === cursor ? GLYPHS.focus : ' '} #${it.seg.id} ${segMarks(it.seg)}${segLabel(it.seg)}  ${it.where}`}
        </Text>
      ))}
      {fields.map(([k, v]) => (
        <Text key={k} wrap="truncate">
          <Text {...theme.muted}>{k.padStart(13)}  </Text>
          <Text>{v}</Text>
        </Text>
      ))}
      {sel && (
        <Text wrap="truncate">
          <Text {...theme.muted}>{'age vs MSL'.padStart(13)}  </Text>
          <Text {...(age > mslUs ? theme.bad : theme.ok)}>{barText(age / mslUs, ageW)}</Text>
          <Text>{` ${fmtDuration(age)} of MSL ${msl}s${age > mslUs ? ` ${GLYPHS.alert} older than MSL` : ''}`}</Text>
        </Text>
      )}
    </Box>
  );
}
