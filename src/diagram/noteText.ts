/**
 * The texts written beside the host lines (states, timers, application events) and the client
 * port named in the ladder's header.
 */
import type { TraceEvent } from '../sim/trace.js';
import { fmtDuration } from './format.js';
import { tok, type DStyle } from './grid.js';
import type { LadderData } from './rows.js';

/** The client port in use: the focused connection's, else the newest one's. */
export function clientPort(data: LadderData, focus: string | null): string | undefined {
  const key = focus ?? data.conns[data.conns.length - 1];
  if (!key) return undefined;
  const addr = key.slice(0, key.lastIndexOf('#'));
  return addr.slice(addr.lastIndexOf(':') + 1);
}

/** A note's texts, longest first (the first that fits its column is used), and its style. */
export function noteText(ev: TraceEvent): [string[], DStyle] {
  switch (ev.kind) {
    case 'state':
      return [[ev.to], { k: 'state', state: ev.to }];
    case 'timer': {
      const style: DStyle = { k: 'timer', name: ev.timer };
      if (ev.action === 'expire') return [[`⏲${ev.timer} fired`, `⏲${ev.timer}✓`], style];
      const d = fmtDuration(ev.expires - ev.at);
      return [[`⏲${ev.timer}${ev.action === 'restart' ? '↻' : ' '}${d}`, `⏲${ev.timer} ${d.replace(' ', '')}`, `⏲${ev.timer}${d.replace(' ', '')}`], style];
    }
    case 'app': {
      const bad = ev.event.startsWith('E');
      return [[`app:${ev.event}`, ev.event], bad ? tok('bad') : tok('muted')];
    }
    default:
      return [[''], tok('muted')];
  }
}
