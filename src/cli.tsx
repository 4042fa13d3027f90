/**
 * The command-line entry point: parse the command, take the headless paths (simulate, lint,
 * help) without loading any UI code, and refuse the interactive ones when there is no terminal.
 */
// First: every module loaded after this line can come from Node's compile cache.
import './cli/compileCache.js';
import { readFileSync } from 'node:fs';
import { UsageError, IoFailure, EXIT_USAGE, EXIT_OK, EXIT_CHECK_FAILED, EXIT_IO_FAILED } from './cli/usageError.js';
import { guardStdout } from './cli/stdoutErrors.js';
import { LINT_USAGE, MAIN_USAGE, SIMULATE_USAGE } from './cli/usage.js';
import { parseInteractiveArgs, type InteractiveRequest } from './cli/interactiveArgs.js';
import { inert } from './text/inert.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function lint(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(LINT_USAGE);
    return EXIT_OK;
  }
  // An option is never a path here; a file whose name starts with '-' can be given as ./-name.
  const option = args.find((a) => a.startsWith('-') && a !== '-');
  if (option !== undefined) throw new UsageError(`lint: unknown option '${option}'; usage: tcp-timewait lint [PATH] (see lint --help)`);
  if (args.length > 1) throw new UsageError(`lint: takes one PATH, got ${args.length}`);
  const { lintPath, formatLintReport } = await import('./lessons/lint.js');
  const path = args[0] ?? new URL('../lessons', import.meta.url).pathname;
  const report = await lintPath(path);
  // Diagnostics quote file names, YAML keys and values from untrusted lesson files.
  const text = inert(formatLintReport(report));
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return report.errorCount > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}

async function interactive(req: InteractiveRequest): Promise<number> {
  if (req.runFile !== undefined) {
    // Read before the terminal check, so a bad run file is one line whatever the terminal.
    const { readRunFile } = await import('./lessons/runFile.js');
    req.run = await readRunFile(req.runFile).catch((e: unknown) => {
      throw new UsageError((e as Error).message);
    });
  }
  if (req.resetProgress) {
    // It asks first; the answer may come from a terminal or a pipe (`echo y | ...`).
    const { resetProgressInteractively } = await import('./cli/resetProgress.js');
    return resetProgressInteractively(req.configDir);
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'tcp-timewait: the tutorial needs an interactive terminal; for a headless run try `tcp-timewait simulate --scenario lost-final-ack --format ladder`\n',
    );
    return EXIT_USAGE;
  }
  // Before any UI code loads: the colour library and Ink read the environment once, on import.
  const { applyDisplayOptions } = await import('./cli/displayOptions.js');
  applyDisplayOptions(req.display, process.env);
  const { isDumbTerminal } = await import('./ui/dumbTerminal.js');
  if (isDumbTerminal(process.env)) {
    process.env.NO_COLOR = '1';
    process.env.FORCE_COLOR = '0';
  }
  // Both ends are terminals, so a person is at the keyboard whatever CI says. Ink draws only a
  // final frame when it believes it runs in CI (is-in-ci reads the environment when Ink is
  // first imported, which is just below), and that would leave the learner a frozen screen.
  delete process.env.CI;
  const { runTui } = await import('./ui/runTui.js');
  return runTui(req);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(MAIN_USAGE);
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  if (command === 'simulate') {
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(SIMULATE_USAGE);
      return EXIT_OK;
    }
    const { simulateCommand } = await import('./cli/simulateCommand.js');
    return simulateCommand(rest, process.stdout);
  }
  if (command === 'record') {
    const { recordCommand } = await import('./cli/recordCommand.js');
    return recordCommand(rest);
  }
  if (command === 'lint') return lint(rest);
  if (command === 'lab') {
    const { labCommand } = await import('./cli/labCommand.js');
    const r = await labCommand(rest, process.stdout);
    return typeof r === 'number' ? r : interactive(r);
  }
  return interactive(parseInteractiveArgs(argv));
}

// A closed pipe ends quietly (0); a full disk is one line (1). Never a stack trace.
guardStdout(process.stdout, process.stderr, (code) => process.exit(code));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`tcp-timewait: ${inert(err.message)}\n`); // may quote a file name or value
      process.exitCode = EXIT_USAGE;
    } else if (err instanceof IoFailure) {
      process.stderr.write(`tcp-timewait: ${err.message}\n`);
      process.exitCode = EXIT_IO_FAILED;
    } else {
      process.stderr.write(`tcp-timewait: unexpected error: ${inert(err instanceof Error ? err.message : String(err))}\n`);
      if (process.env.TCP_TIMEWAIT_DEBUG) console.error(err);
      process.exitCode = 70;
    }
  },
);
