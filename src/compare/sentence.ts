/**
 * The one sentence that says how two runs part, built from each side's event at that moment:
 * "At 1.850 s the retransmitted FIN reaches the client: with TIME_WAIT on the client answers
 * ACK; with TIME_WAIT off it answers RST." Either event may be missing (that run does nothing
 * then); `cause` is the segment the host was answering, when there is one.
 */
import type { Micros, NodeName, SegmentRecord, TraceEvent } from '../sim/index.js';
import { durationText, fmtSeconds, segLabel } from '../diagram/format.js';
import { alertText, dropReasonText, perturbText } from '../diagram/eventText.js';

export interface SideLabels {
  a: string;
  b: string;
}

export interface SentenceInput {
  at: Micros;
  a?: TraceEvent | undefined;
  b?: TraceEvent | undefined;
  cause?: TraceEvent | undefined;
  labels: SideLabels;
}

/** "1.850 s". */
export function secondsText(at: Micros): string {
  return fmtSeconds(at).replace(/s$/, ' s');
}

function hostName(host: NodeName): string {
  return host === 'client' || host === 'server' ? `the ${host}` : `router ${host}`;
}

/** A segment by the name a learner knows it by: SYN, SYN,ACK, FIN, RST, data, ACK. */
export function segName(seg: Pick<SegmentRecord, 'flags' | 'len'>): string {
  const f = seg.flags;
  if (f.includes('RST')) return f.includes('ACK') ? 'RST,ACK' : 'RST';
  if (f.includes('SYN')) return f.includes('ACK') ? 'SYN,ACK' : 'SYN';
  if (f.includes('FIN')) return 'FIN';
  if (seg.len > 0) return 'data';
  return f.includes('ACK') ? 'ACK' : 'a segment with no flags';
}

/** "the retransmitted FIN", "the duplicate data". */
function segPhrase(seg: SegmentRecord, name = segName(seg)): string {
  const how = seg.retransmitOf !== undefined ? 'retransmitted ' : seg.copyOf !== undefined ? 'duplicate ' : '';
  return `the ${how}${name}`;
}

const possessive = (subject: string): string => (subject === 'it' ? 'its' : `${subject}'s`);

/** What a host's application is told, after "the client's application ...". */
function appClause(ev: Extract<TraceEvent, { kind: 'app' }>): string {
  switch (ev.event) {
    case 'connected':
      return 'is connected';
    case 'listening':
      return 'is listening';
    case 'data':
      return `reads ${JSON.stringify(ev.data ?? '')}`;
    case 'eof':
      return 'reads end of file';
    case 'closed':
      return 'connection is released';
    default:
      return `gets ${ev.event}`;
  }
}

/** One side's part of the sentence, for `ev` (or for having nothing where the other side has `other`). */
function clause(ev: TraceEvent | undefined, other: TraceEvent | undefined, subject: string, answering: boolean, segText: (seg: SegmentRecord) => string): string {
  if (!ev) return nothingClause(other, subject);
  switch (ev.kind) {
    case 'send':
      return `${subject} ${answering ? 'answers' : 'sends'} ${segText(ev.seg)}`;
    case 'deliver':
      return `${segPhrase(ev.seg, segText(ev.seg))} reaches ${subject === 'it' ? 'it' : hostName(ev.host)}`;
    case 'drop':
      return `${segPhrase(ev.seg, segText(ev.seg))} is lost (${dropReasonText(ev.reason)})`;
    case 'state':
      return `${subject} goes from ${ev.from} to ${ev.to}`;
    case 'timer':
      switch (ev.action) {
        case 'start':
          return `${subject} starts its ${ev.timer} timer (${durationText(ev.expires - ev.at)})`;
        case 'restart':
          return `${subject} restarts its ${ev.timer} timer (${durationText(ev.expires - ev.at)})`;
        case 'expire':
          return `${possessive(subject)} ${ev.timer} timer fires`;
        case 'cancel':
          return `${subject} cancels its ${ev.timer} timer`;
      }
      break;
    case 'app':
      return ev.event === 'closed' ? `${subject} releases the connection` : `${possessive(subject)} application ${appClause(ev)}`;
    case 'alert':
      return `${alertText(ev.alert)} at ${hostName(ev.host)}`;
    case 'perturb':
      return perturbText(ev);
    case 'hop':
      return `${segPhrase(ev.seg)} passes ${hostName(ev.host)}`;
  }
  return 'something else happens';
}

/** Having nothing at the moment the other side has `other`. */
function nothingClause(other: TraceEvent | undefined, subject: string): string {
  switch (other?.kind) {
    case 'send':
      return `${subject} sends nothing`;
    case 'deliver':
      return `nothing reaches ${subject === 'it' ? 'it' : hostName(other.host)}`;
    case 'drop':
      return 'nothing is lost';
    case 'state':
      return `${subject} stays in ${other.from}`;
    case 'timer':
      return `${subject} has no ${other.timer} timer to ${other.action}`;
    case 'app':
      return other.event === 'closed' ? `${subject} keeps the connection` : `${possessive(subject)} application is told nothing`;
    case 'alert':
      return 'nothing goes wrong';
    default:
      return 'nothing happens';
  }
}

/** A segment's label, with whatever else sets it apart from `other` (its window, TTL, timestamps). */
function fullText(seg: SegmentRecord, other: SegmentRecord): string {
  const extra: string[] = [];
  if (seg.window !== other.window) extra.push(`win=${seg.window}`);
  if (seg.ttl !== other.ttl) extra.push(`ttl=${seg.ttl}`);
  if ((seg.tsval === undefined) !== (other.tsval === undefined)) extra.push(seg.tsval === undefined ? 'without timestamps' : 'with timestamps');
  else if (seg.tsval !== other.tsval || seg.tsecr !== other.tsecr) extra.push(`tsval=${seg.tsval} tsecr=${seg.tsecr}`);
  if (seg.data !== other.data) extra.push(`data ${JSON.stringify(seg.data.slice(0, 20))}`);
  return [segLabel(seg), ...extra].join(' ');
}

export function divergenceSentence({ at, a, b, cause, labels }: SentenceInput): string {
  const first = a ?? b!;
  const answering = cause?.kind === 'deliver' && (a?.kind === 'send' || b?.kind === 'send');
  const lead = cause?.kind === 'deliver' ? ` ${segPhrase(cause.seg)} reaches ${hostName(cause.host)}` : '';
  // Two sends by the same name (ACK and ACK) differ in their numbers or options: say them in full.
  const pair = a?.kind === 'send' && b?.kind === 'send' && segName(a.seg) === segName(b.seg) ? [a.seg, b.seg] : null;
  const segText = (seg: SegmentRecord): string => (pair ? fullText(seg, seg === pair[0] ? pair[1]! : pair[0]!) : segName(seg));
  const subjectA = hostName(first.host);
  // The second clause says "it" when it is about the same host as the first.
  const subjectB = a && b && a.host === b.host ? 'it' : hostName(first.host);
  const partA = clause(a, b, subjectA, answering, segText);
  const partB = clause(b, a, subjectB, answering, segText);
  return `At ${secondsText(at)}${lead}: with ${labels.a} ${partA}; with ${labels.b} ${partB}.`;
}

/** A few words for one side's event, for the mark on its ladder ("client sends RST"). */
export function shortClause(ev: TraceEvent | undefined): string {
  if (!ev) return 'nothing happens here';
  const host = ev.host;
  switch (ev.kind) {
    case 'send':
      return `${host} sends ${segName(ev.seg)}`;
    case 'deliver':
      return `${segName(ev.seg)} reaches ${host}`;
    case 'drop':
      return `${segName(ev.seg)} is lost`;
    case 'state':
      return `${host} enters ${ev.to}`;
    case 'timer':
      return `${host} ${ev.timer} timer: ${ev.action}`;
    case 'app':
      return `${host} app: ${ev.event}`;
    case 'alert':
      return alertText(ev.alert);
    case 'perturb':
      return `perturbation: ${ev.perturbation}`;
    case 'hop':
      return `${segName(ev.seg)} passes ${host}`;
  }
}

/** The text of the divergence mark on one ladder, after its glyph. */
export function markText(glyph: string, ev: TraceEvent | undefined): string {
  return `${glyph} diverges: ${shortClause(ev)}`;
}
