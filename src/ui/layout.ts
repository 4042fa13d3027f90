/**
 * Splits the terminal among the panes of the live view. Pure, so sizes are testable. The total
 * height is rows - 1: a frame as tall as the terminal makes Ink clear the whole screen on every
 * update, which is the flicker the issue forbids.
 */
export interface Rect {
  width: number;
  height: number;
}

export interface RunLayout {
  wide: boolean;
  width: number;
  height: number;
  /** Everything between header and footer (overlays take all of it). */
  body: Rect;
  ladder: Rect;
  endpoints: Rect;
  narrative: Rect;
  log: Rect;
  diagram: Rect;
  /** In a narrow terminal the diagram takes the ladder's place (and the narrative's). */
  diagramReplacesLadder: boolean;
}

export const WIDE_COLUMNS = 140;
export const DIAGRAM_ROWS = 14;
/**
 * The ladder never shrinks below this while the narrative borrows its rows: the column heads
 * and a few rows of arrows, enough to keep "now" in view.
 */
export const MIN_LADDER_ROWS = 5;

export interface LayoutOptions {
  narrative: boolean;
  diagram: boolean;
  tallNarrative?: boolean;
  narrativeOnly?: boolean;
  /**
   * The narrative has something new to say (an answer's feedback, a hint, a result): it takes
   * rows from the ladder (down to MIN_LADDER_ROWS) and the log, up to `narrativeLines` + its
   * title, so the news shows without scrolling.
   */
  news?: boolean;
  /** How many lines the narrative holds at the pane's width (all of them, title excluded). */
  narrativeLines?: (width: number) => number;
}

export function runLayout(columns: number, rows: number, opts: LayoutOptions): RunLayout {
  const width = columns;
  const height = Math.max(3, rows - 1);
  const bodyH = height - 2;
  const wide = columns >= WIDE_COLUMNS;
  const zero: Rect = { width: 0, height: 0 };
  if (opts.narrativeOnly) {
    // A lesson step before any simulation: the text is all there is to show.
    const narrative = { width: Math.min(width, 100), height: bodyH };
    return { wide: false, width, height, body: { width, height: bodyH }, ladder: zero, endpoints: zero, narrative, log: zero, diagram: zero, diagramReplacesLadder: false };
  }
  if (wide) {
    const rightW = Math.min(72, Math.floor(width * 0.42));
    const leftW = width - rightW - 1;
    const endpointsH = bodyH >= 40 ? 6 : 5;
    const diagramH = opts.diagram ? DIAGRAM_ROWS : 0;
    const rest = bodyH - diagramH;
    const baseH = opts.narrative ? Math.max(6, Math.floor(rest * 0.55)) : 0;
    const narrativeH = opts.narrative && opts.news ? Math.min(rest, Math.max(baseH, wanted(opts, rightW))) : baseH;
    return {
      wide,
      width,
      height,
      body: { width, height: bodyH },
      ladder: { width: leftW, height: bodyH - endpointsH },
      endpoints: { width: leftW, height: endpointsH },
      diagram: { width: rightW, height: diagramH },
      narrative: { width: rightW, height: narrativeH },
      log: { width: rightW, height: Math.max(0, rest - narrativeH) },
      diagramReplacesLadder: false,
    };
  }
  const endpointsH = bodyH >= 30 ? 5 : 3;
  // A question needs its options and the feedback on screen at once: it gets more room.
  const share = opts.tallNarrative ? 0.45 : 0.28;
  const baseH = opts.narrative ? Math.min(opts.tallNarrative ? 20 : 14, Math.max(5, Math.floor(bodyH * share))) : 0;
  const baseLogH = opts.narrative ? (bodyH >= 40 ? 8 : 0) : Math.min(10, Math.max(3, Math.floor(bodyH * 0.2)));
  let narrativeH = baseH;
  let logH = baseLogH;
  if (opts.narrative && opts.news && !opts.diagram) {
    // Borrow from the log first, then from the ladder, never below its minimum.
    const cap = Math.max(baseH, bodyH - endpointsH - MIN_LADDER_ROWS);
    narrativeH = Math.min(cap, Math.max(baseH, wanted(opts, width)));
    logH = Math.max(0, Math.min(baseLogH, bodyH - endpointsH - MIN_LADDER_ROWS - narrativeH));
  }
  const ladderH = Math.max(3, bodyH - endpointsH - narrativeH - logH);
  const diagramH = opts.diagram ? ladderH + narrativeH : 0;
  return {
    wide,
    width,
    height,
    body: { width, height: bodyH },
    ladder: opts.diagram ? zero : { width, height: ladderH },
    endpoints: { width, height: endpointsH },
    diagram: { width, height: diagramH },
    narrative: opts.diagram ? zero : { width, height: narrativeH },
    log: { width, height: logH },
    diagramReplacesLadder: opts.diagram,
  };
}

/** Rows the narrative wants: all its lines and the title (unbounded when it cannot say). */
function wanted(opts: LayoutOptions, width: number): number {
  return opts.narrativeLines ? opts.narrativeLines(width) + 1 : Number.MAX_SAFE_INTEGER;
}
