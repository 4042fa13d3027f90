/** The worked example in lessons/README.md is a real lesson: it must lint clean. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLintReport, lintPath } from '../../src/lessons/lint.js';

describe('lessons/README.md', () => {
  it('contains a complete example lesson that passes lint', async () => {
    const readme = await readFile('lessons/README.md', 'utf8');
    const m = /## A complete example\s+```yaml\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const dir = await mkdtemp(join(tmpdir(), 'lesson-example-'));
    const file = join(dir, 'example.yaml');
    await writeFile(file, m![1]!);
    const report = await lintPath(file);
    expect(formatLintReport(report)).toBe('1 lesson file checked: no problems');
    const kinds = new Set(report.lessons[0]!.steps.map((s) => s.kind));
    for (const k of ['narrative', 'setup', 'predict', 'run', 'questions', 'challenge', 'recap']) expect(kinds.has(k as never)).toBe(true);
  });

  it('lists every step kind', async () => {
    const readme = await readFile('lessons/README.md', 'utf8');
    const { STEP_KINDS } = await import('../../src/lessons/schema.js');
    for (const k of STEP_KINDS) expect(readme).toContain(`| \`${k}\` |`);
  });
});
