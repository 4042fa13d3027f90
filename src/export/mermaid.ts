/**
 * `toMermaid`: the run as a Mermaid `sequenceDiagram`, to paste into Markdown (GitHub, GitLab
 * and most wikis render it). The client and the server are the two participants; each segment
 * is a message drawn when it is sent, ending in a cross (`-x`) when it was lost. State changes,
 * timers, application events, perturbations and alerts are notes beside the host they concern.
 *
 * Mermaid's lexer ends a message or note at `#` or `;` and treats `%%` as a comment, and its
 * renderer reads `<...>` as HTML, so every piece of text goes through `mermaidText` first; the
 * only markup written is `<br/>`, Mermaid's line break, inside long notes.
 */
import type { SegmentRecord, TraceEvent, NodeName } from '../sim/index.js';
import { toSeconds } from '../sim/index.js';
import { durationText, segmentLabel, trimNumber } from './format.js';

export interface MermaidOptions {
  /** Idle time from which a "... pass" note is written, in seconds (default 2). */
  idleGapSeconds?: number;
  /** Notes for every RTO start and cancel too, not only expiries (default false). */
  allTimers?: boolean;
}

/** Text made safe for a Mermaid message or note: no statement ends, comments or HTML. */
export function mermaidText(text: string): string {
  const safe = text
    .replace(/#/g, 'no. ')
    .replace(/;/g, ',')
    .replace(/%/g, ' percent')
    .replace(/</g, '(')
    .replace(/>/g, ')')
    .replace(/[\r\n]+/g, ' ')
    .trim();
  return safe || '-';
}

/** Long notes are broken with `<br/>` (Mermaid's line break) so they do not stretch the diagram. */
const NOTE_LINE = 48;

function noteFor(host: NodeName, text: string): string {
  const where = host === 'client' ? 'left of client' : host === 'server' ? 'right of server' : 'over client,server';
  const lines: string[] = [];
  for (const word of mermaidText(text).split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= NOTE_LINE) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return `    Note ${where}: ${lines.join('<br/>')}`;
}

function message(seg: SegmentRecord, arrow: '->>' | '-x' | '-)', note?: string): string {
  const to = seg.from === 'client' ? 'server' : 'client';
  const tags: string[] = [];
  if (seg.retransmitOf !== undefined) tags.push('retransmission');
  if (seg.copyOf !== undefined) tags.push('duplicate');
  if (note) tags.push(note);
  const text = `${segmentLabel(seg)}${tags.length ? ` (${tags.join(', ')})` : ''}`;
  return `    ${seg.from}${arrow}${to}: ${mermaidText(text)}`;
}

export function toMermaid(trace: readonly TraceEvent[], options: MermaidOptions = {}): string {
  const idleGap = (options.idleGapSeconds ?? 2) * 1_000_000;
  // Each segment's fate, found ahead of time so its message can be drawn when it is sent.
  const ends = new Map<number, Extract<TraceEvent, { kind: 'deliver' | 'drop' }>>();
  const looped = new Set<number>();
  const sent = new Set<number>();
  const injected = new Set<number>();
  let client = 'client';
  let server = 'server';
  for (const ev of trace) {
    if (ev.kind === 'deliver' || ev.kind === 'drop') ends.set(ev.seg.id, ev);
    if (ev.kind === 'hop' && ev.looping) looped.add(ev.seg.id);
    if (ev.kind === 'send') sent.add(ev.seg.id);
    if (ev.kind === 'perturb' && ev.perturbation === 'inject' && ev.seg) {
      sent.add(ev.seg.id);
      injected.add(ev.seg.id);
    }
    if ((ev.kind === 'send' || ev.kind === 'deliver') && client === 'client') {
      client = `client ${ev.seg.from === 'client' ? ev.seg.src : ev.seg.dst}`;
      server = `server ${ev.seg.from === 'client' ? ev.seg.dst : ev.seg.src}`;
    }
  }

  /** The message for a segment entering the network, drawn with its fate: arrives, lost, or looping. */
  const departure = (seg: SegmentRecord): string => {
    const end = ends.get(seg.id);
    const tag = injected.has(seg.id) ? 'injected, ' : '';
    if (looped.has(seg.id)) return message(seg, '-)', `${tag}caught in a routing loop`);
    if (end?.kind === 'drop') return message(seg, '-x', `${tag}lost at ${end.host}, ${end.reason}`);
    return message(seg, '->>', tag ? 'injected' : undefined);
  };

  const lines = ['sequenceDiagram', `    participant client as ${mermaidText(client)}`, `    participant server as ${mermaidText(server)}`];
  const noted = new Set<number>();
  let repeat: { line: string; index: number; count: number } | null = null;
  let lastAt: number | null = null;
  for (const ev of trace) {
    const before = lines.length;
    const gapNote = lastAt !== null && ev.at - lastAt >= idleGap ? noteFor('r1', `${durationText(ev.at - lastAt)} pass`) : null;
    switch (ev.kind) {
      case 'send':
        lines.push(departure(ev.seg));
        break;
      case 'hop':
        if (ev.looping && !noted.has(ev.seg.id)) {
          noted.add(ev.seg.id);
          lines.push(noteFor(ev.host, `segment ${ev.seg.id} circles between r1 and r2, ttl ${ev.seg.ttl}`));
        }
        break;
      case 'deliver':
      case 'drop':
        // Drawn here only when its send was not: released from a loop, or never seen leaving.
        if (looped.has(ev.seg.id) || !sent.has(ev.seg.id)) {
          if (ev.kind === 'drop') lines.push(message(ev.seg, '-x', `lost at ${ev.host}, ${ev.reason}, ttl ${ev.seg.ttl}`));
          else lines.push(message(ev.seg, '->>', looped.has(ev.seg.id) ? `arrives late, ttl ${ev.seg.ttl}` : undefined));
        }
        break;
      case 'state':
        lines.push(noteFor(ev.host, ev.to));
        break;
      case 'timer':
        if (ev.timer === 'RTO' && ev.action !== 'expire' && !options.allTimers) break;
        lines.push(
          noteFor(
            ev.host,
            ev.action === 'start' || ev.action === 'restart'
              ? `${ev.timer} timer ${ev.action}s, ${durationText(ev.expires - ev.at)}, fires at ${trimNumber(toSeconds(ev.expires), 3)} s`
              : `${ev.timer} timer ${ev.action === 'expire' ? 'expires' : 'cancelled'}`,
          ),
        );
        break;
      case 'app':
        lines.push(noteFor(ev.host, `app: ${ev.event}${ev.data !== undefined ? ` ${JSON.stringify(ev.data)}` : ''}`));
        break;
      case 'perturb':
        lines.push(noteFor(ev.host, `perturbation ${ev.perturbation}: ${ev.detail}`));
        if (ev.perturbation === 'inject' && ev.seg) lines.push(departure(ev.seg));
        break;
      case 'alert': {
        const born = ev.bornIn !== undefined ? `, born in incarnation ${ev.bornIn}` : '';
        lines.push(noteFor('r1', `ALERT ${ev.alert}${ev.seg ? `: segment ${ev.seg.id}` : ''}${born}`));
        break;
      }
    }
    if (lines.length > before) {
      const added = lines[lines.length - 1]!;
      // The same note again (an application retrying every few seconds) becomes a count.
      if (lines.length === before + 1 && repeat && repeat.line === added && repeat.index === before - 1) {
        repeat.count += 1;
        lines[repeat.index] = `${added} (x${repeat.count}, last at ${trimNumber(toSeconds(ev.at), 3)} s)`;
        lines.pop();
      } else {
        if (gapNote) lines.splice(before, 0, gapNote);
        repeat = lines.length === before + 1 + (gapNote ? 1 : 0) && added.includes(' Note ') ? { line: added, index: lines.length - 1, count: 1 } : null;
      }
      lastAt = ev.at;
    }
  }
  return `${lines.join('\n')}\n`;
}
