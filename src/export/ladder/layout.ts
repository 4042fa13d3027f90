/**
 * The ladder's columns and how one row becomes a line of text. Kept apart from the logic that
 * decides which rows there are (ladder.ts).
 */
import { toSeconds } from '../../sim/index.js';
import { truncate } from './arrow.js';

export type Side = 'client' | 'server' | 'middle';

export interface Row {
  /** Time of the row in microseconds, or null for a "... pass ..." row. */
  at: number | null;
  /** The between-lines content, exactly `inner` characters. */
  body: string;
  /** Whose row it is: a segment's sender, a note's host, or 'state' for a row of state names only. */
  owner: Side | 'state';
  /** State names written beside each line. */
  notes: { client?: string; server?: string };
  /** Each endpoint's line character on this row: '|', or ':' while it is in TIME_WAIT. */
  lines: { client: string; server: string };
}

export const TIME_WIDTH = 8;
export const NOTE_WIDTH = 12;
/** Column of the client's line: time, a space, the client's note column, a space. */
export const CLIENT_COL = TIME_WIDTH + 1 + NOTE_WIDTH + 1;
export const MIN_WIDTH = 60;

export interface Layout {
  width: number;
  serverCol: number;
  /** Characters strictly between the two lines. */
  inner: number;
}

export function layoutFor(width: number): Layout {
  const w = Math.max(MIN_WIDTH, Math.floor(width));
  const serverCol = w - NOTE_WIDTH - 2;
  return { width: w, serverCol, inner: serverCol - CLIENT_COL - 1 };
}

export function center(text: string, width: number): string {
  const t = truncate(text, width);
  const left = Math.floor((width - t.length) / 2);
  return ' '.repeat(left) + t + ' '.repeat(width - t.length - left);
}

/** A note's text placed on its host's side of the space between the lines. */
export function placeNote(text: string, side: Side, inner: number): string {
  const t = truncate(text, inner - 2);
  if (side === 'client') return ` ${t}`.padEnd(inner);
  if (side === 'server') return `${t} `.padStart(inner);
  return center(t, inner);
}

/** A line with `client` and `server` centred over the two lines' columns. */
export function headerLine(layout: Layout, client: string, server: string, lead = ''): string {
  const cells = ' '.repeat(layout.width).split('');
  const place = (text: string, col: number): void => {
    const start = Math.max(0, Math.min(layout.width - text.length, col - Math.floor(text.length / 2)));
    for (let i = 0; i < text.length; i++) cells[start + i] = text[i]!;
  };
  place(client, CLIENT_COL);
  place(server, layout.serverCol);
  for (let i = 0; i < lead.length; i++) cells[i] = lead[i]!;
  return cells.join('').trimEnd();
}

export function renderRows(rows: readonly Row[]): string[] {
  let shownAt: number | null = null;
  return rows.map((row) => {
    // A time is written once; rows at the same moment below it leave the column blank.
    const time = row.at === null || row.at === shownAt ? '' : toSeconds(row.at).toFixed(3);
    if (row.at !== null) shownAt = row.at;
    const left = `${time.padStart(TIME_WIDTH)} ${(row.notes.client ?? '').padStart(NOTE_WIDTH)} `;
    return `${left}${row.lines.client}${row.body}${row.lines.server} ${row.notes.server ?? ''}`.trimEnd();
  });
}
