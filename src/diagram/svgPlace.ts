/**
 * Where a label may go in the SVG ladder: labels are boxes (turned to lie along their arrow),
 * arrows are line segments, and a label is placed only where its box meets no arrow, no mark
 * and no other label. Convex shapes are tested with the separating axis theorem.
 */

export interface Pt {
  x: number;
  y: number;
}

/** A convex polygon (a box or a mark), or a line segment as a polygon of two points. */
export type Shape = readonly Pt[];

/** The corners of a box lying along unit vector `u` from `origin`: `along` on u, `across` on its normal. */
export function boxAlong(origin: Pt, u: Pt, along: [number, number], across: [number, number]): Shape {
  // The normal points up the screen for a left-to-right u (negative y).
  const n = { x: u.y, y: -u.x };
  const at = (a: number, b: number): Pt => ({ x: origin.x + u.x * a + n.x * b, y: origin.y + u.y * a + n.y * b });
  return [at(along[0], across[0]), at(along[1], across[0]), at(along[1], across[1]), at(along[0], across[1])];
}

/** An upright rectangle. */
export function rect(x: number, y: number, w: number, h: number): Shape {
  return [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
  ];
}

function axes(s: Shape): Pt[] {
  const out: Pt[] = [];
  const edges = s.length === 2 ? 1 : s.length;
  for (let i = 0; i < edges; i++) {
    const a = s[i]!;
    const b = s[(i + 1) % s.length]!;
    out.push({ x: a.y - b.y, y: b.x - a.x });
  }
  return out;
}

function project(s: Shape, axis: Pt): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of s) {
    const d = p.x * axis.x + p.y * axis.y;
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  return [lo, hi];
}

/** Do two convex shapes overlap (touching counts)? */
export function overlaps(a: Shape, b: Shape): boolean {
  for (const axis of [...axes(a), ...axes(b)]) {
    if (axis.x === 0 && axis.y === 0) continue;
    const [a0, a1] = project(a, axis);
    const [b0, b1] = project(b, axis);
    if (a1 < b0 || b1 < a0) return false;
  }
  return true;
}

/** Height of the horizontal bands shapes are filed under, so a test only looks near its shape. */
const BAND = 64;

function bands(shape: Shape): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of shape) {
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  return [Math.floor(lo / BAND), Math.floor(hi / BAND)];
}

interface Filed {
  shape: Shape;
  owner: number | null;
}

/**
 * What is already drawn, each shape with the owner it belongs to (a label may touch its own
 * arrow). Filed by horizontal band: a long run has thousands of arrows, each near few others.
 */
export class Obstacles {
  private readonly byBand = new Map<number, Filed[]>();

  add(shape: Shape, owner: number | null = null): void {
    const item = { shape, owner };
    const [lo, hi] = bands(shape);
    for (let b = lo; b <= hi; b++) {
      const list = this.byBand.get(b);
      if (list) list.push(item);
      else this.byBand.set(b, [item]);
    }
  }

  /** How many drawn shapes `shape` meets, ignoring those of `owner`. */
  hits(shape: Shape, owner: number | null = null): number {
    const seen = new Set<Filed>();
    const [lo, hi] = bands(shape);
    for (let b = lo; b <= hi; b++) {
      for (const s of this.byBand.get(b) ?? []) {
        if ((owner === null || s.owner !== owner) && !seen.has(s) && overlaps(shape, s.shape)) seen.add(s);
      }
    }
    return seen.size;
  }
}
