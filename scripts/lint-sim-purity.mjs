#!/usr/bin/env node
// The simulation core must stay pure: no UI, no file system, no wall clock, no unseeded
// randomness. Lessons, quizzes and exports must stay UI-free. This check fails the build
// (and so `npm test`) when a file breaks either rule, naming the file, line and the rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const UI_IMPORT = /from\s+['"](react|ink|ink-[\w-]+|@inkjs\/[\w-]+)(\/[^'"]*)?['"]|import\(\s*['"](react|ink)['"]\s*\)/;
const RULES = {
  'src/sim': [
    { re: UI_IMPORT, why: 'imports a UI library (react/ink)' },
    { re: /from\s+['"](node:)?(fs|fs\/promises|child_process|net|http|https|os|worker_threads)['"]/, why: 'imports a Node I/O module' },
    { re: /\bDate\.now\s*\(|\bnew\s+Date\s*\(|\bperformance\.now\s*\(|\bprocess\.hrtime\b/, why: 'reads the wall clock' },
    { re: /\bMath\.random\s*\(/, why: 'uses Math.random (use the seeded generator in the state)' },
    { re: /\bsetTimeout\s*\(|\bsetInterval\s*\(|\bsetImmediate\s*\(/, why: 'uses a real timer (time is passed in)' },
    { re: /\bprocess\.(env|argv|stdout|stdin|exit)\b/, why: 'touches the process' },
  ],
  'src/lessons': [{ re: UI_IMPORT, why: 'imports a UI library: lessons are UI-free' }],
  'src/quiz': [{ re: UI_IMPORT, why: 'imports a UI library: quizzes are UI-free' }],
  'src/export': [{ re: UI_IMPORT, why: 'imports a UI library: exports are UI-free' }],
  'src/store': [{ re: UI_IMPORT, why: 'imports a UI library: the store is UI-free' }],
  'src/diagram': [{ re: UI_IMPORT, why: 'imports a UI library: the ladder engine is UI-free' }],
  'src/compare': [{ re: UI_IMPORT, why: 'imports a UI library: compare mode\'s core is UI-free' }],
};

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|js)$/.test(e.name)) yield p;
  }
}

const problems = [];
for (const [folder, rules] of Object.entries(RULES)) {
  for (const file of files(join(root, folder))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/^\s*(\*|\/\*)/.test(code)) return; // comment lines may talk about the rules
      for (const rule of rules) {
        if (rule.re.test(code)) problems.push(`${relative(root, file)}:${i + 1}: ${rule.why}`);
      }
    });
  }
}

if (problems.length > 0) {
  console.error(`purity check failed (${problems.length}):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('purity check: src/sim is pure; lessons, quiz, export and store are UI-free');
