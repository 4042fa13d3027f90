/** Shared shapes and printing for the benchmarks. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  /** Whether the target is met; null when there is no target. */
  met: boolean | null;
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function formatValue(f: Figure): string {
  const v = f.value >= 1000 ? Math.round(f.value).toLocaleString('en') : f.value.toFixed(f.value < 10 ? 2 : 1);
  return `${v} ${f.unit}`;
}

export function printFigures(section: string, figures: Figure[]): void {
  console.log(`\n== ${section}`);
  for (const f of figures) {
    const verdict = f.met === null ? '' : f.met ? '  [target met]' : '  [target missed]';
    console.log(`  ${f.name}\n    ${formatValue(f)}   target ${f.target}${verdict}`);
    if (f.note) console.log(`    ${f.note}`);
  }
}
