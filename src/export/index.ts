/**
 * Exports of a run's trace to formats other tools read. Every function here is pure: it takes
 * the trace (and options) and returns text or bytes; writing files is the caller's job.
 */
export { toJsonLines, eventJson, JSON_KINDS } from './jsonLines.js';
export { toText, tcpdumpLine, type TextOptions } from './text.js';
export { toLadder, type LadderOptions } from './ladder.js';
export { toMermaid, mermaidText, type MermaidOptions } from './mermaid.js';
export { toPcap, type PcapOptions, type CapturePoint } from './pcap.js';
export { capturedPackets } from './pcap/capture.js';
export { toPcapng, PCAPNG_POINTS } from './pcapng.js';
export { toSvg, type SvgOptions } from '../diagram/svg.js';

import type { TraceEvent } from '../sim/index.js';
import type { CapturePoint } from './pcap/capture.js';
import { toJsonLines } from './jsonLines.js';
import { toLadder } from './ladder.js';
import { toMermaid } from './mermaid.js';
import { toText } from './text.js';
import { toSvg } from '../diagram/svg.js';
import { inert } from '../text/inert.js';

/** The text formats of `simulate --format`. */
export type TextFormat = 'text' | 'json' | 'ladder' | 'mermaid' | 'svg';
export const TEXT_FORMATS: readonly TextFormat[] = ['text', 'json', 'ladder', 'mermaid', 'svg'];

/** What the text formats may take besides the trace: the ladder's width, the picture's title. */
export interface ExportOptions {
  width?: number;
  /** The SVG's title (the scenario's name and title); the other formats have none. */
  title?: string;
}

/**
 * One entry point for the CLI and the TUI's export key. Scenario files are untrusted, and their
 * text (a name, an address) lands in these outputs, which go to a terminal or get `cat`-ed into
 * one later: every format but JSON lines (whose strings are already escaped) is made inert here.
 * The SVG writer already leaves every control character out (XML forbids most of them), so the
 * inert pass finds nothing to change in it and the document stays well-formed.
 */
export function exportTrace(trace: readonly TraceEvent[], format: TextFormat, options: ExportOptions = {}): string {
  return format === 'json' ? escapeC1(toJsonLines(trace)) : inert(exportText(trace, format, options));
}

/**
 * JSON.stringify escapes C0 controls but writes C1 (U+0080–U+009F, the 8-bit CSI and OSC among
 * them) raw. They can only occur inside strings, where `\u009b` means the same character, so
 * this changes the bytes but not what any JSON reader gets.
 */
export function escapeC1(json: string): string {
  return json.replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function exportText(trace: readonly TraceEvent[], format: Exclude<TextFormat, 'json'>, options: ExportOptions): string {
  switch (format) {
    case 'text':
      return toText(trace);
    case 'ladder':
      return toLadder(trace, { width: options.width ?? 80 });
    case 'mermaid':
      return toMermaid(trace);
    case 'svg':
      return toSvg(trace, { ...(options.width !== undefined && { width: options.width }), ...(options.title !== undefined && { title: options.title }) });
  }
}

/**
 * A file name for an export of a run of `scenario` (a built-in name or a scenario file's path):
 * `lost-final-ack.pcap`, `lost-final-ack-r1.pcap`, `lost-final-ack.ladder.txt`... The TUI
 * offers it; writing the file (and asking before overwriting one) is the caller's job.
 */
export function suggestedFileName(scenario: string, format: TextFormat | 'pcap', capture?: CapturePoint): string {
  const base =
    (scenario.split(/[\\/]/).pop() ?? '')
      .replace(/\.(ya?ml|json)$/i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'run';
  switch (format) {
    case 'pcap':
      return capture && capture !== 'sender' ? `${base}-${capture}.pcap` : `${base}.pcap`;
    case 'ladder':
      return `${base}.ladder.txt`;
    case 'text':
      return `${base}.txt`;
    case 'json':
      return `${base}.jsonl`;
    case 'mermaid':
      return `${base}.mmd`;
    case 'svg':
      return `${base}.svg`;
  }
}
