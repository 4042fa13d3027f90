/**
 * `tcp-timewait lab`: the live lab. With --experiment (or --json) it runs headless and prints
 * one line per observation (JSON with --json); without, it asks for the interactive screen.
 */
import { parseArgs } from 'node:util';
import { EXPERIMENTS, MAX_CONNECTIONS, DEFAULT_CONNECTIONS, HOW_LONG_BOUND_SECONDS, type ExperimentName, type LabRecord } from '../lab/records.js';
import { checkedInteger } from './numbers.js';
import { UsageError, EXIT_OK, EXIT_CHECK_FAILED } from './usageError.js';
import type { InteractiveRequest } from './interactiveArgs.js';
import { DISPLAY_ARG_OPTIONS, parseDisplayOptions } from './displayOptions.js';
import { inert } from '../text/inert.js';

export const LAB_USAGE = `tcp-timewait lab: TIME_WAIT in your own kernel, beside the simulation

Usage:
  tcp-timewait lab                the interactive lab (keys pick experiments)
  tcp-timewait lab --experiment NAME [--json] [--count N]
                                  run one experiment headless: what the kernel
                                  showed, next to the simulator's prediction

Experiments:
  who-waits   the client closes first, then the server: whose socket waits
  how-long    the real TIME_WAIT countdown until the kernel drops the socket
              (watched for at most ${HOW_LONG_BOUND_SECONDS} s)
  reconnect   connect again from the same local port during TIME_WAIT
  many        N short connections and the count by state, like ss -s
  settings    the kernel settings that bear on TIME_WAIT, read only

Options:
  --json      one JSON object per line (for a class demo, or another tool)
  --count N   connections for 'many': 1 to ${MAX_CONNECTIONS} (default ${DEFAULT_CONNECTIONS})

Real TCP runs on 127.0.0.1 only, on ports the kernel hands out. Nothing needs
root and no setting is changed. Linux is read through /proc/net/tcp; macOS and
the BSDs through netstat (states only). Every socket is closed on exit or
Ctrl+C.
`;

export async function labCommand(argv: string[], out: NodeJS.WritableStream): Promise<number | InteractiveRequest> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(LAB_USAGE);
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        experiment: { type: 'string', short: 'e' },
        json: { type: 'boolean' },
        count: { type: 'string' },
        'config-dir': { type: 'string' },
        'export-dir': { type: 'string' },
        ...DISPLAY_ARG_OPTIONS,
      },
    });
  } catch (e) {
    throw new UsageError(`lab: ${(e as Error).message.split('\n')[0]} (see tcp-timewait lab --help)`);
  }
  const v = parsed.values;
  const name = v.experiment;
  if (name !== undefined && !(EXPERIMENTS as readonly string[]).includes(name)) {
    throw new UsageError(`lab: --experiment '${name}' is not accepted; expected one of ${EXPERIMENTS.join(', ')}`);
  }
  const count = v.count === undefined ? undefined : checkedInteger('--count', `'${v.count}'`, v.count, { min: 1, max: MAX_CONNECTIONS });
  if (count !== undefined && name !== 'many') throw new UsageError('lab: --count goes with --experiment many');
  if (name === undefined) {
    if (v.json) throw new UsageError(`lab: --json needs --experiment NAME (one of ${EXPERIMENTS.join(', ')})`);
    const req: InteractiveRequest = { screen: 'lab', display: parseDisplayOptions(v) };
    if (v['config-dir'] !== undefined) req.configDir = v['config-dir'];
    if (v['export-dir'] !== undefined) req.exportDir = v['export-dir'];
    return req;
  }
  return runHeadless(name as ExperimentName, { json: v.json === true, ...(count !== undefined && { count }) }, out);
}

async function runHeadless(name: ExperimentName, opts: { json: boolean; count?: number }, out: NodeJS.WritableStream): Promise<number> {
  const { openKernelReader } = await import('../lab/kernelReader.js');
  const { LabSession } = await import('../lab/session.js');
  const { runExperiment } = await import('../lab/experiments.js');
  const { recordLine } = await import('../lab/recordText.js');
  let failed = false;
  const emit = (r: LabRecord) => {
    if (r.kind === 'error' || r.kind === 'unavailable') failed = true;
    if (opts.json) out.write(`${JSON.stringify(r)}\n`);
    else {
      const line = recordLine(r);
      if (line !== null) out.write(`${inert(line)}\n`);
    }
  };
  const choice = openKernelReader();
  if (!choice.ok) {
    emit({ experiment: name, kind: 'unavailable', reason: choice.reason });
    return EXIT_CHECK_FAILED;
  }
  const session = new LabSession();
  // Ctrl+C closes every socket and server before the program ends.
  const onSignal = () => {
    void session.closeAll().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runExperiment(name, session, choice.reader, emit, opts.count !== undefined ? { count: opts.count } : {});
  } finally {
    await session.closeAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return failed ? EXIT_CHECK_FAILED : EXIT_OK;
}
