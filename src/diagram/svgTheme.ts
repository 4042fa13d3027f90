/**
 * The SVG's colours: a picture for slides and printed notes, so dark ink on white, one hue per
 * connection (incarnations of one 4-tuple included) and red kept for losses and alerts alone.
 */

/** One per connection, in order of first appearance; distinct on white and for most colour-blind readers. */
export const CONN_COLOURS = ['#1f5fa8', '#c45a00', '#1a7f45', '#7b3fa8', '#0f7c8a', '#a8326e', '#6b6b00', '#4a4a9a'] as const;

export const INK = {
  text: '#111827',
  muted: '#6b7280',
  hostLine: '#4b5563',
  guide: '#d1d5db',
  lost: '#d11a1a',
  alert: '#d11a1a',
  perturbation: '#6d4c1f',
  /** Segments no host sent as part of a connection (an injected old one). */
  stray: '#6b7280',
  background: '#ffffff',
} as const;

/** The colour of connection number `index` (colours repeat after eight). */
export function connColour(index: number): string {
  return index < 0 ? INK.stray : CONN_COLOURS[index % CONN_COLOURS.length]!;
}
