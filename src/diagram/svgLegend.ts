/**
 * The SVG ladder's legend: a sample and a few words for each colour and mark the picture uses,
 * and only for those it uses. Items run left to right and wrap at the picture's width.
 */
import { INK, connColour } from './svgTheme.js';
import { el, textEl, textWidth } from './svgText.js';

export interface LegendInput {
  /** Connection keys (`addr:port#incarnation`), in order of first appearance. */
  conns: readonly string[];
  lost: boolean;
  copy: boolean;
  injected: boolean;
  stray: boolean;
  timeWait: boolean;
  restart: boolean;
  perturbation: boolean;
}

interface Item {
  sample: (x: number, y: number) => string;
  text: string;
  className: string;
}

const SIZE = 11;
const SAMPLE_W = 30;
const LINE_H = 20;
/** Connections listed one by one; beyond this, one line says how many more. */
const LISTED = 8;

const line = (colour: string, dash?: string) => (x: number, y: number) =>
  el('line', { x1: x, y1: y - 4, x2: x + SAMPLE_W - 4, y2: y - 4, stroke: colour, 'stroke-width': 1.8, 'stroke-dasharray': dash });

function items(input: LegendInput): Item[] {
  const out: Item[] = [];
  const shown = input.conns.length > LISTED ? input.conns.slice(0, LISTED - 1) : input.conns;
  for (const [i, key] of shown.entries()) {
    const hash = key.lastIndexOf('#');
    out.push({ sample: line(connColour(i)), text: `client ${key.slice(0, hash)}, incarnation ${key.slice(hash + 1)}`, className: 'legend-conn' });
  }
  if (shown.length < input.conns.length) {
    out.push({ sample: () => '', text: `and ${input.conns.length - shown.length} more connections (the colours repeat)`, className: 'legend-more' });
  }
  if (input.stray) out.push({ sample: line(INK.stray, '2 3'), text: 'segment of no connection of its own', className: 'legend-stray' });
  if (input.injected && !input.stray) out.push({ sample: line(INK.stray, '2 3'), text: 'injected (dotted)', className: 'legend-injected' });
  if (input.copy) out.push({ sample: line(INK.stray, '7 4'), text: 'copy the network made (dashed)', className: 'legend-copy' });
  if (input.lost) {
    out.push({
      sample: (x, y) => {
        const c = { stroke: INK.lost, 'stroke-width': 2.6, 'stroke-linecap': 'round' };
        const m = x + 12;
        return el('line', { x1: m - 5, y1: y - 9, x2: m + 5, y2: y + 1, ...c }) + el('line', { x1: m - 5, y1: y + 1, x2: m + 5, y2: y - 9, ...c });
      },
      text: 'lost: the cross is where it died',
      className: 'legend-lost',
    });
  }
  if (input.timeWait) {
    out.push({
      sample: (x, y) => el('rect', { x: x + 2, y: y - 8, width: SAMPLE_W - 8, height: 8, fill: connColour(0), 'fill-opacity': 0.3, stroke: connColour(0) }),
      text: input.restart ? 'TIME_WAIT (2MSL), a tick where its timer restarted' : 'TIME_WAIT (2MSL)',
      className: 'legend-time-wait',
    });
  }
  if (input.perturbation) {
    out.push({
      sample: (x, y) => textEl({ x, y, fill: INK.perturbation, 'font-style': 'italic', 'font-size': SIZE }, 'abc'),
      text: 'perturbation: what was done to the run',
      className: 'legend-perturbation',
    });
  }
  return out;
}

/** The legend's elements from `top`, wrapped within `left..right`, and the height it takes. */
export function drawLegend(input: LegendInput, left: number, right: number, top: number): { svg: string; height: number } {
  const parts: string[] = [];
  let x = left;
  let y = top + 14;
  for (const item of items(input)) {
    const w = SAMPLE_W + textWidth(item.text, SIZE) + 24;
    if (x > left && x + w > right) {
      x = left;
      y += LINE_H;
    }
    parts.push(el('g', { class: item.className }, item.sample(x, y) + textEl({ x: x + SAMPLE_W + 2, y, fill: INK.text, 'font-size': SIZE }, item.text)));
    x += w;
  }
  if (parts.length === 0) return { svg: '', height: 0 };
  return { svg: el('g', { class: 'legend' }, parts.join('')), height: y - top + 8 };
}
