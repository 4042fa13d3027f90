/**
 * Colour captures of one view in each theme, for docs/screens/:
 *
 *   npx tsx test/ui/captureThemes.tsx
 *
 * Writes, for the dark and the light theme, the sandbox's lost-final-ack run at 80x24 as
 * `.ansi` (the frame with its colour codes: `cat` it in a terminal of that background) and as
 * `.html` (the same frame drawn on that background, for a browser). The plain `.txt` captures
 * from captureScreens.tsx are the same text without colour.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Colour must be on before Ink (and chalk inside it) is first loaded: the imports below are dynamic.
process.env['FORCE_COLOR'] = '3';
process.env['COLORTERM'] = 'truecolor'; // a 16-colour TERM would otherwise map the light theme's tones to the nearest ANSI colour
delete process.env['NO_COLOR'];

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screens');

/** xterm's 16 colours, the ones a terminal draws for SGR 30-37 and 90-97. */
const ANSI16 = ['#000000', '#cd0000', '#00cd00', '#cdcd00', '#0000ee', '#cd00cd', '#00cdcd', '#e5e5e5', '#7f7f7f', '#ff0000', '#00ff00', '#ffff00', '#5c5cff', '#ff00ff', '#00ffff', '#ffffff'];

interface Pen {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

function applySgr(pen: Pen, params: number[]): Pen {
  const p = { ...pen };
  for (let i = 0; i < params.length; i++) {
    const n = params[i]!;
    if (n === 0) Object.keys(p).forEach((k) => delete p[k as keyof Pen]);
    else if (n === 1) p.bold = true;
    else if (n === 2) p.dim = true;
    else if (n === 3) p.italic = true;
    else if (n === 4) p.underline = true;
    else if (n === 7) p.inverse = true;
    else if (n === 22) p.bold = p.dim = false;
    else if (n === 23) p.italic = false;
    else if (n === 24) p.underline = false;
    else if (n === 27) p.inverse = false;
    else if (n >= 30 && n <= 37) p.fg = ANSI16[n - 30];
    else if (n >= 90 && n <= 97) p.fg = ANSI16[n - 90 + 8];
    else if (n >= 40 && n <= 47) p.bg = ANSI16[n - 40];
    else if (n === 39) delete p.fg;
    else if (n === 49) delete p.bg;
    else if ((n === 38 || n === 48) && params[i + 1] === 2) {
      const hex = `#${params.slice(i + 2, i + 5).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      if (n === 38) p.fg = hex;
      else p.bg = hex;
      i += 4;
    }
  }
  return p;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toHtml(ansi: string, page: { fg: string; bg: string; title: string }): string {
  let pen: Pen = {};
  let html = '';
  for (const part of ansi.split(/(\u001B\[[0-9;]*m)/)) {
    const m = /^\u001B\[([0-9;]*)m$/.exec(part);
    if (m) {
      pen = applySgr(pen, (m[1] || '0').split(';').map(Number));
      continue;
    }
    if (part === '') continue;
    let fg = pen.fg ?? page.fg;
    let bg = pen.bg ?? 'transparent';
    if (pen.inverse) [fg, bg] = [bg === 'transparent' ? page.bg : bg, fg];
    const style = [`color:${fg}`, bg !== 'transparent' ? `background:${bg}` : '', pen.bold ? 'font-weight:bold' : '', pen.dim ? 'opacity:0.6' : '', pen.italic ? 'font-style:italic' : '', pen.underline ? 'text-decoration:underline' : '']
      .filter(Boolean)
      .join(';');
    html += `<span style="${style}">${escapeHtml(part)}</span>`;
  }
  return `<!doctype html>\n<meta charset="utf-8">\n<title>${page.title}</title>\n<pre style="background:${page.bg};color:${page.fg};padding:1em;font:14px/1.2 'DejaVu Sans Mono',Menlo,monospace;display:inline-block">${html}</pre>\n`;
}

async function main() {
  const { pressUntil, REAL_LESSONS, renderApp, tempDir } = await import('./appHelpers.js');
  mkdirSync(OUT, { recursive: true });
  for (const theme of ['dark', 'light'] as const) {
    const tmp = tempDir();
    const r = renderApp({ configDir: tmp.dir, screen: 'sandbox', scenario: 'lost-final-ack', lessonsDir: REAL_LESSONS, env: { TCP_TIMEWAIT_THEME: theme } }, 80, 24);
    try {
      await r.waitFor('Sandbox · lost-final-ack');
      await pressUntil(r, 'n', (f) => f.includes('⏲2MSL↻') || f.includes('✓ finished'));
      const ansi = r.lastFrame() ?? '';
      if (!/\u001B\[[0-9;]*m/.test(ansi)) throw new Error('the frame has no colour codes: is FORCE_COLOR honoured?');
      const base = path.join(OUT, `sandbox-lost-final-ack-${theme}-80x24`);
      writeFileSync(`${base}.ansi`, `${ansi}\u001B[0m\n`);
      const page = theme === 'light' ? { fg: '#1f2328', bg: '#ffffff' } : { fg: '#e6edf3', bg: '#0d1117' };
      writeFileSync(`${base}.html`, toHtml(ansi, { ...page, title: `tcp-timewait, ${theme} theme, 80x24` }));
      console.log(`wrote ${path.relative(process.cwd(), base)}.ansi and .html`);
    } finally {
      r.unmount();
      tmp.done();
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
