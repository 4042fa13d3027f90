/**
 * Deliberately broken lesson files: each must produce a message that names the file, the line
 * of the offending node and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatLintReport, lintPath } from '../../src/lessons/lint.js';
import { formatDiagnostic } from '../../src/lessons/diagnostics.js';

const dir = join('test', 'fixtures', 'lessons');

interface Case {
  file: string;
  line: number;
  /** A fragment the message must contain (what was found or expected). */
  says: RegExp;
}

const cases: Case[] = [
  { file: 'bad-syntax.yaml', line: 7, says: /found invalid YAML .*, expected well-formed YAML/ },
  { file: 'unknown-step-kind.yaml', line: 10, says: /found "lecture", expected one of narrative, setup, perturb, run, predict, questions, challenge, recap, compare/ },
  { file: 'unknown-state.yaml', line: 11, says: /found "TIMEWAIT", expected one of CLOSED, LISTEN, .*TIME_WAIT for "state"/ },
  { file: 'missing-answer.yaml', line: 12, says: /found no option marked "correct: true".*expected exactly one option marked "correct: true"/ },
  { file: 'two-answers.yaml', line: 15, says: /found 2 options marked "correct: true", expected exactly one/ },
  { file: 'missing-explanation.yaml', line: 15, says: /found no "explanation", expected text for "explanation"/ },
  { file: 'unknown-key.yaml', line: 11, says: /found unknown key "untill", expected one of the keys kind, title, text, cite, until, within in a "run" \(did you mean "until"\?\)/ },
  { file: 'unknown-selector-key.yaml', line: 13, says: /found unknown key "form", expected one of the keys from, flags, .* \(did you mean "from"\?\)/ },
  { file: 'wrong-type.yaml', line: 4, says: /found "ten", expected a number for "minutes"/ },
  { file: 'unknown-flag.yaml', line: 11, says: /found "FINN", expected one of SYN, FIN, RST, PSH, ACK/ },
  { file: 'unknown-scenario.yaml', line: 9, says: /found unknown scenario "normal-clsoe", expected a built-in scenario name/ },
  { file: 'unknown-perturbation.yaml', line: 11, says: /found "explode", expected one of drop, duplicate, delay, loop, reorder, heal, crash, inject, reconnect, policy/ },
  { file: 'step-before-setup.yaml', line: 10, says: /found a "run" step before any setup, expected a setup step earlier in the lesson/ },
  { file: 'empty.yaml', line: 1, says: /found an empty file, expected a lesson mapping/ },
  { file: 'bad-id.yaml', line: 1, says: /found "The Close", expected a kebab-case id such as "the-close" for "id"/ },
  { file: 'unknown-key.yaml', line: 10, says: /found no "until", expected a condition mapping such as \{ kind: state, host: client, state: TIME_WAIT \} for "until"/ },
  { file: 'unreachable-condition.yaml', line: 11, says: /found the run stopped at .* without "server enters TIME_WAIT" \(an unreachable condition\), expected "server enters TIME_WAIT" within 120 s/ },
  { file: 'predict-contradicted.yaml', line: 19, says: /found "server enters CLOSE_WAIT" seen in the reveal, but this option is marked wrong/ },
  { file: 'predict-contradicted.yaml', line: 23, says: /found "server RST is sent" never seen in the reveal, but this option is marked correct, expected the correct option's outcome/ },
  { file: 'question-contradicted.yaml', line: 13, says: /found the simulation never shows "client sees ECONNRESET" \(it contradicts the marked answer\)/ },
  { file: 'challenge-unsolved.yaml', line: 16, says: /found a solution that does not reach "client FIN is sent" within 30 s/ },
  { file: 'challenge-trivial.yaml', line: 12, says: /found "client enters TIME_WAIT" reached with no learner action/ },
  // Worked solutions must be things the perturb menu can do (src/lessons/uiActions.ts).
  { file: 'solution-not-ui.yaml', line: 17, says: /found a selector with "flags" \(the menu cannot pick segments that way\), expected a segment the perturb menu can pick/ },
  { file: 'solution-not-ui.yaml', line: 25, says: /found mslSeconds 0\.01, expected an MSL the menu accepts: 0\.1 to 600 s/ },
  { file: 'solution-not-ui.yaml', line: 35, says: /found an "at" of kind time, expected a point the learner can step to/ },
  // Compare steps: runs that never part show nothing; they need a simulation or a scenario.
  { file: 'compare-no-divergence.yaml', line: 12, says: /found runs that never diverge \(RFC 1337 off against RFC 1337 on\), expected a variant that changes what happens/ },
  { file: 'compare-before-setup.yaml', line: 15, says: /found unknown scenario "normal-clsoe", expected a built-in scenario name/ },
  { file: 'compare-before-setup.yaml', line: 10, says: /found a "compare" step before any setup, expected a setup step earlier in the lesson/ },
];

describe('lint on broken lesson files', () => {
  it.each(cases)('$file: line $line says $says', async ({ file, line, says }) => {
    const path = join(dir, file);
    const report = await lintPath(path);
    expect(report.errorCount).toBeGreaterThan(0);
    const messages = report.diagnostics.map(formatDiagnostic);
    const hit = messages.find((m) => m.startsWith(`${path}:${line}:`) && says.test(m));
    expect(hit, `no message at ${path}:${line} matching ${says}; got:\n${messages.join('\n')}`).toBeDefined();
    expect(hit).toMatch(/^.+:\d+:\d+: found .+, expected .+$/);
  });

  it('reports a duplicate id across a folder, at the second file\'s id', async () => {
    const path = join(dir, 'duplicate-id');
    const report = await lintPath(path);
    const messages = report.diagnostics.map(formatDiagnostic);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${join(path, 'b.yaml')}:1:5: found duplicate id "same-id" \\(also in .*a\\.yaml\\), expected an id no other lesson uses`)));
  });

  it('reports every error in a file, not just the first', async () => {
    const path = join(dir, 'several-errors.yaml');
    const report = await lintPath(path);
    const lines = report.diagnostics.map((d) => `${d.line}: ${d.found} / ${d.expected}`);
    expect(report.errorCount).toBe(3);
    expect(lines[0]).toMatch(/^2: number 0 \/ a number >= 1/);
    expect(lines[1]).toMatch(/^11: "FIN_WAIT3" \/ one of CLOSED/);
    expect(lines[2]).toMatch(/^14: "begin" \/ one of start, restart, expire, cancel/);
  });

  it('reports a path that does not exist', async () => {
    const report = await lintPath(join(dir, 'no-such-file.yaml'));
    expect(formatLintReport(report)).toMatch(/no-such-file\.yaml:1:1: found no such file or folder \(ENOENT\), expected a lesson file or a folder of them\n1 lesson file checked: 1 error, 0 warnings/);
  });
});

describe('lint warnings', () => {
  it('warns about a predict that nothing can check, without failing', async () => {
    const path = join(dir, 'predict-unchecked.yaml');
    const report = await lintPath(path);
    expect(report.errorCount).toBe(0);
    expect(report.warningCount).toBe(1);
    expect(formatLintReport(report)).toBe(
      `${path}:15:7: found a predict with no option outcome, expected at least one option with an \`outcome\` condition, so the reveal can be checked (warning)\n1 lesson file checked: 0 errors, 1 warning`,
    );
  });
});
