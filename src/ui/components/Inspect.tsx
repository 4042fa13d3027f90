/**
 * Inspect a segment: what its TCP/IP headers carry, and apart from them what only the simulator
 * knows about it (its id, the incarnation it was born in, its birth, its fate), with its age
 * against MSL. The age is the time the segment spent in the network: birth to delivery or loss,
 * or birth to now while it is still travelling. A segment older than MSL should not exist (the
 * assumption TIME_WAIT rests on); a routing loop or an injected old duplicate can make one.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { SegmentRecord, TraceEvent } from '../../sim/trace.js';
import type { InFlightView } from '../../sim/view.js';
import { fmtDuration, fmtSeconds, segLabel, segMarks } from '../format.js';
import { GLYPHS, useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { barText } from './TimerBar.js';

export interface InspectItem {
  seg: SegmentRecord;
  /** Its fate, short, for the list. */
  where: string;
  /** When it left the network (delivered or lost); undefined while it travels. */
  endedAt?: number | undefined;
}

/**
 * Every segment of the run (as far as the trace reaches): those in flight first, then the
 * others, the most recently seen first. Each carries its latest record (TTL as last seen).
 */
export function inspectItems(inFlight: readonly InFlightView[], trace: readonly TraceEvent[]): InspectItem[] {
  const out: InspectItem[] = inFlight.map((f) => ({ seg: f.seg, where: f.looping ? `looping, TTL ${f.seg.ttl}` : `in flight to ${f.nextNode}` }));
  const seen = new Set(out.map((x) => x.seg.id));
  for (let i = trace.length - 1; i >= 0; i--) {
    const ev = trace[i]!;
    if ((ev.kind === 'deliver' || ev.kind === 'drop' || ev.kind === 'send') && !seen.has(ev.seg.id)) {
      seen.add(ev.seg.id);
      const at = fmtSeconds(ev.at);
      if (ev.kind === 'send') out.push({ seg: ev.seg, where: `sent by ${ev.host} at ${at}` });
      else out.push({ seg: ev.seg, where: ev.kind === 'drop' ? `${GLYPHS.lost} lost at ${ev.host} at ${at}` : `delivered to ${ev.host} at ${at}`, endedAt: ev.at });
    }
  }
  return out;
}

/** Time spent in the network: to its delivery or loss, or to now while it travels. */
export function segmentAge(item: InspectItem, clock: number): number {
  return Math.max(0, (item.endedAt ?? clock) - item.seg.born);
}

/** Rows the details take below the list. */
const DETAIL_ROWS = 10;

export function Inspect({ cursor, typed = '', width, height }: { cursor: number; typed?: string; width: number; height: number }) {
  const theme = useTheme();
  const { inFlight, trace, traceLength, traceVersion, clock, msl } = useSimSelector((s) => ({
    inFlight: s.snapshot.inFlight,
    trace: s.trace,
    traceLength: s.traceLength,
    traceVersion: s.traceVersion,
    clock: s.clock,
    msl: s.snapshot.policies.mslSeconds,
  }));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const items = useMemo(() => inspectItems(inFlight, trace.slice(0, traceLength)), [inFlight, trace, traceLength, traceVersion]);
  const listRows = Math.max(2, Math.min(items.length, height - 1 - DETAIL_ROWS));
  const sel = items[Math.min(cursor, items.length - 1)];
  const top = Math.min(Math.max(0, cursor - Math.floor(listRows / 2)), Math.max(0, items.length - listRows));
  const found = typed === '' || items.some((it) => String(it.seg.id) === typed);
  const s = sel?.seg;
  const section = (title: string) => <Text {...theme.heading}>{`── ${title} `.padEnd(Math.min(width, 60), '─')}</Text>;
  const field = (k: string, v: string) => (
    <Text key={k} wrap="truncate">
      <Text {...theme.muted}>{k.padStart(13)}  </Text>
      <Text>{v}</Text>
    </Text>
  );
  const age = sel ? segmentAge(sel, clock) : 0;
  const mslUs = msl * 1e6;
  const old = age > mslUs;
  const ageW = Math.max(6, Math.min(24, width - 62));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate">
        <Text {...theme.heading}>{`Inspect a segment (of ${items.length}): ↑/↓ or type its id, esc closes `}</Text>
        {typed !== '' && <Text {...(found ? theme.accent : theme.bad)}>{found ? `#${typed}` : `no segment #${typed}`}</Text>}
      </Text>
      {items.length === 0 && <Text {...theme.muted}>No segment has been sent yet.</Text>}
      {items.slice(top, top + listRows).map((it, i) => (
        <Text key={it.seg.id} wrap="truncate" {...(top + i === cursor ? theme.selected : {})}>
          {`${top + i === cursor ? GLYPHS.focus : ' '} #${it.seg.id} ${segMarks(it.seg)}${segLabel(it.seg)}  ${it.where}`}
        </Text>
      ))}
      {s && sel && (
        <>
          {section('TCP/IP headers')}
          {field('from → to', `${s.src} → ${s.dst}`)}
          {field('flags', `${s.flags.join(' ') || '(none)'}   seq ${s.seq}   ack ${s.ack}`)}
          {field('window / TTL', `${s.window} / ${s.ttl}${sel.endedAt === undefined ? '' : ' (as last seen)'}`)}
          {field('data', s.len > 0 ? `${s.len} bytes ${JSON.stringify(s.data)}` : '(none)')}
          {section("the simulator's own tags (no header carries them)")}
          {field('segment', `#${s.id} sent by the ${s.from}${s.retransmitOf !== undefined ? `  ${GLYPHS.retransmission} retransmission of #${s.retransmitOf}` : ''}${s.copyOf !== undefined ? `  ${GLYPHS.duplicate} duplicate of #${s.copyOf}` : ''}`)}
          {field('incarnation', `#${s.incarnation}, born at ${fmtSeconds(s.born)}`)}
          {field('fate', sel.where)}
          <Text wrap="truncate">
            <Text {...theme.muted}>{'age vs MSL'.padStart(13)}  </Text>
            <Text {...(old ? theme.bad : theme.ok)}>{barText(age / mslUs, ageW)}</Text>
            <Text>{` ${fmtDuration(age)}`}</Text>
            {old ? <Text {...theme.bad}>{` ${GLYPHS.alert} older than MSL`}</Text> : <Text {...theme.ok}> within MSL</Text>}
            <Text {...theme.muted}>{` (in the network${sel.endedAt === undefined ? ' so far' : ''}; MSL ${msl}s)`}</Text>
          </Text>
        </>
      )}
    </Box>
  );
}
