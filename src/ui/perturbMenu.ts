/**
 * What the perturb menu offers, as data: for each in-flight segment (and the next segment each
 * endpoint will send) drop / duplicate / delay / loop; and the global switches. Each entry is a
 * ready Perturbation, so choosing one is a single `controller.perturb(p)`.
 */
import type { Policies } from '../sim/policy.js';
import type { Perturbation, SegmentSelector } from '../sim/scenario.js';
import type { HostName } from '../sim/types.js';
import type { SimSnapshot } from '../sim/view.js';
import { segLabel, segMarks } from './format.js';

export interface MenuEntry {
  label: string;
  perturbation: Perturbation;
}

export const MSL_CHOICES = [15, 30, 60, 120] as const;
export const DELAY_SECONDS = 2;
export const LOOP_SECONDS = 20;

function segmentActions(target: string, match: SegmentSelector): MenuEntry[] {
  return [
    { label: `drop       ${target}`, perturbation: { kind: 'drop', match } },
    { label: `duplicate  ${target}`, perturbation: { kind: 'duplicate', match, copies: 1 } },
    { label: `delay ${DELAY_SECONDS}s   ${target}`, perturbation: { kind: 'delay', match, by: DELAY_SECONDS } },
    { label: `loop ${LOOP_SECONDS}s   ${target}`, perturbation: { kind: 'loop', match, for: LOOP_SECONDS } },
  ];
}

export function segmentEntries(snap: SimSnapshot): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const f of snap.inFlight) {
    const dir = f.from === 'client' ? 'client→server' : 'server→client';
    out.push(...segmentActions(`${segMarks(f.seg)}${segLabel(f.seg)} (in flight ${dir}${f.looping ? ', looping' : ''})`, { id: f.seg.id }));
  }
  for (const host of ['client', 'server'] as HostName[]) {
    // The engine applies a selector to segments already in flight first, then to new ones.
    out.push(...segmentActions(`the ${host}'s next segment (in flight, else the next sent)`, { from: host }));
  }
  return out;
}

export function globalEntries(p: Policies): MenuEntry[] {
  const set = (s: Partial<Policies>): Perturbation => ({ kind: 'policy', set: s });
  const out: MenuEntry[] = [];
  for (const m of MSL_CHOICES) {
    if (m !== p.mslSeconds) out.push({ label: `MSL ${m} s (now ${p.mslSeconds} s; TIME_WAIT lasts 2×MSL)`, perturbation: set({ mslSeconds: m, timeWaitFixedSeconds: null }) });
  }
  out.push(
    p.timeWait === 'rfc'
      ? { label: 'TIME_WAIT off (the ablation: the active closer goes straight to CLOSED)', perturbation: set({ timeWait: 'off' }) }
      : { label: 'TIME_WAIT on (as RFC 9293 says)', perturbation: set({ timeWait: 'rfc' }) },
  );
  out.push({
    label: `Berkeley rule ${p.berkeleySynInTimeWait ? 'off' : 'on'} (a new SYN may reopen a TIME_WAIT connection)`,
    perturbation: set({ berkeleySynInTimeWait: !p.berkeleySynInTimeWait }),
  });
  out.push(
    p.rstInTimeWait === 'close'
      ? { label: 'RST in TIME_WAIT: ignore it (RFC 1337 fix)', perturbation: set({ rstInTimeWait: 'ignore' }) }
      : { label: 'RST in TIME_WAIT: let it end TIME_WAIT', perturbation: set({ rstInTimeWait: 'close' }) },
  );
  out.push(
    p.reuseTimeWait === 'refuse'
      ? { label: 'reuse of a 4-tuple still in TIME_WAIT: allow it', perturbation: set({ reuseTimeWait: 'allow' }) }
      : { label: 'reuse of a 4-tuple still in TIME_WAIT: refuse it (EADDRINUSE)', perturbation: set({ reuseTimeWait: 'refuse' }) },
  );
  out.push(
    p.abortSegment === 'rst'
      ? { label: 'an abort sends RST,ACK (as Linux does)', perturbation: set({ abortSegment: 'rst-ack' }) }
      : { label: 'an abort sends a bare RST (as RFC 9293 says)', perturbation: set({ abortSegment: 'rst' }) },
  );
  out.push({ label: 'crash the client (reboots after 5 s)', perturbation: { kind: 'crash', host: 'client', rebootAfter: 5 } });
  out.push({ label: 'crash the server (reboots after 5 s)', perturbation: { kind: 'crash', host: 'server', rebootAfter: 5 } });
  out.push({ label: 'reconnect the client from the same port', perturbation: { kind: 'reconnect', host: 'client' } });
  return out;
}

export const PERTURB_TABS = ['Segment', 'Global'] as const;

export function perturbEntries(snap: SimSnapshot, tab: number): MenuEntry[] {
  return tab === 0 ? segmentEntries(snap) : globalEntries(snap.policies);
}
