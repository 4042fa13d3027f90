/**
 * The SVG picture as a browser sees it: the BUILT CLI writes `simulate -s lost-final-ack --format
 * svg`, headless Chromium (Debian's `chromium`) parses it and draws it to a PNG, and the PNG is
 * read back (pngReader.ts) to check that the picture is drawn, and drawn where the SVG says.
 * Skipped only when there is no chromium; CI installs it (.ci/run). Also: the README's picture
 * is exactly what the code draws today.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../e2e/tmux.js';
import { ROOT, runCli } from '../cli/builtCli.js';
import { byClass, parseXml } from '../diagram/xmlCheck.js';
import { readPng } from './pngReader.js';

const CHROMIUM = (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'chromium')).find((p) => existsSync(p));
const PICTURE = join(ROOT, 'docs', 'pictures', 'lost-final-ack.svg');
const REGENERATE = 'node dist/cli.js simulate -s lost-final-ack --format svg > docs/pictures/lost-final-ack.svg';

const tmp = mkdtempSync(join(tmpdir(), 'ttw-svg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let svgText = '';
beforeAll(() => {
  ensureBuiltCli();
  const r = runCli(['simulate', '-s', 'lost-final-ack', '--format', 'svg']);
  expect(r.code, r.stderr).toBe(0);
  svgText = r.stdout;
}, 120_000);

/** Headless Chromium with a profile of its own, so runs never share (or leave) state. */
function chromium(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(tmp, 'profile')}`, ...args], { encoding: 'utf8', timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the README picture', () => {
  it(`is what the code draws now (if not: ${REGENERATE})`, () => {
    expect(readFileSync(PICTURE, 'utf8')).toBe(svgText);
  });

  it('simulate --help lists the svg format', () => {
    expect(runCli(['simulate', '--help']).stdout).toMatch(/svg \(the ladder as a picture/);
    expect(runCli(['simulate', '--format', 'png']).stderr).toMatch(/text, json, ladder, mermaid, svg/);
  });
});

describe.skipIf(!CHROMIUM)('headless Chromium', () => {
  it('parses the SVG: --dump-dom shows an <svg> and no parsererror, which a broken file does get', () => {
    const good = join(tmp, 'good.svg');
    writeFileSync(good, svgText);
    const dom = chromium(['--dump-dom', `file://${good}`]);
    expect(dom.stdout).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(dom.stdout).toContain('lost at r2');
    expect(dom.stdout).not.toContain('parsererror');
    const broken = join(tmp, 'broken.svg');
    writeFileSync(broken, svgText.replace('</title>', ''));
    expect(chromium(['--dump-dom', `file://${broken}`]).stdout).toContain('parsererror');
  }, 120_000);

  it('draws it: a PNG of the right size, not blank, the lost cross red where the SVG puts it, the arrows blue', () => {
    const file = join(tmp, 'lost-final-ack.svg');
    writeFileSync(file, svgText);
    const svg = parseXml(svgText);
    const [w, h] = svg.attrs.viewBox!.split(' ').slice(2).map(Number) as [number, number];
    const out = join(tmp, 'lost-final-ack.png');
    const r = chromium([`--screenshot=${out}`, `--window-size=${w},${h}`, '--hide-scrollbars', '--force-device-scale-factor=1', `file://${file}`]);
    expect(existsSync(out), r.stderr).toBe(true);
    const png = readPng(readFileSync(out));
    expect([png.width, png.height]).toEqual([w, h]);

    const count = (x0: number, y0: number, x1: number, y1: number, test: (p: [number, number, number]) => boolean): number => {
      let n = 0;
      for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) if (test(png.rgb(x, y))) n++;
      return n;
    };
    const inked = count(0, 0, w, h, ([r, g, b]) => Math.min(r, g, b) < 200);
    expect(inked / (w * h)).toBeGreaterThan(0.01);
    expect(inked / (w * h)).toBeLessThan(0.3);
    expect(png.rgb(2, 2)).toEqual([255, 255, 255]);

    const red = ([r, g, b]: [number, number, number]) => r > 170 && g < 100 && b < 100;
    const cross = byClass(svg, 'lost')[0]!.children.find((c) => c.name === 'line')!;
    const cx = Math.round((Number(cross.attrs.x1) + Number(cross.attrs.x2)) / 2);
    const cy = Math.round((Number(cross.attrs.y1) + Number(cross.attrs.y2)) / 2);
    expect(count(cx - 7, cy - 7, cx + 8, cy + 8, red)).toBeGreaterThan(15);
    // Red is for losses alone: none but on the cross's row and the legend's sample of it.
    const sample = byClass(svg, 'legend-lost')[0]!.children.find((c) => c.name === 'line')!;
    const ly = Math.round((Number(sample.attrs.y1) + Number(sample.attrs.y2)) / 2);
    expect(count(0, 0, w, cy - 20, red) + count(0, cy + 20, w, ly - 12, red) + count(0, ly + 12, w, h, red)).toBe(0);
    expect(count(0, ly - 12, w, ly + 12, red)).toBeGreaterThan(10);
    const blue = ([r, g, b]: [number, number, number]) => Math.abs(r - 0x1f) < 40 && Math.abs(g - 0x5f) < 40 && Math.abs(b - 0xa8) < 40;
    expect(count(0, 0, w, h, blue)).toBeGreaterThan(1000);
  }, 120_000);
});
