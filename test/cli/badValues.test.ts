/**
 * Bad numbers and values on the command line, against the built CLI: each is refused before
 * any work with exactly one line on stderr, nothing on stdout, and exit 2. Before these
 * checks, most of them ran silently with a different value (a seed modulo 2^32, a port modulo
 * 65536, a sequence number wrapped to 0) or printed a trace that no one asked for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './builtCli.js';

beforeAll(ensureBuilt, 120_000);

const SEED = 'expected a whole number from 0 to 4294967295';
const SECONDS = 'expected a number of seconds from 0 to 86400';
const MSL = 'expected a number of seconds above 0 and at most 3600';

const TABLE: Array<[string[], string]> = [
  [['--seed', '-1'], `--seed: '-1' is not accepted; ${SEED}`],
  [['--seed', '4294967296'], `--seed: '4294967296' is not accepted; ${SEED}`],
  [['--seed', '1e300'], `--seed: '1e300' is not accepted; ${SEED}`],
  [['--seed', '9007199254740993'], `--seed: '9007199254740993' is not accepted; ${SEED}`],
  [['--seed', '0x10'], `--seed: '0x10' is not accepted; ${SEED}`],
  [['--seed', '1.5'], `--seed: '1.5' is not accepted; ${SEED}`],
  [['--seed', ' 7'], `--seed: ' 7' is not accepted; ${SEED}`],
  [['--msl', '0'], `--msl: '0' is not accepted; ${MSL}`],
  [['--msl', '1e308'], `--msl: '1e308' is not accepted; ${MSL}`],
  [['--msl', '3601'], `--msl: '3601' is not accepted; ${MSL}`],
  [['--msl', '-5'], `--msl: '-5' is not accepted; ${MSL}`],
  [['--time-wait-seconds', '0'], `--time-wait-seconds: '0' is not accepted; expected a number of seconds above 0 and at most 86400`],
  [['--until', 'Infinity'], `--until: 'Infinity' is not accepted; ${SECONDS}`],
  [['--until', '1e12'], `--until: '1e12' is not accepted; ${SECONDS}`],
  [['--heal', 'NaN'], `--heal: 'NaN' is not accepted; ${SECONDS}`],
  [['--width', '80.5'], `--width: '80.5' is not accepted; expected a whole number from 40 to 1000`],
  [['--loss', '1e-400x'], `--loss: '1e-400x' is not accepted; expected a probability from 0 to 1`],
  [['--reconnect', 'client@1,port=70000'], '--reconnect: port=70000 is not accepted; expected a whole number from 1 to 65535'],
  [['--reconnect', 'client@1,port=0'], '--reconnect: port=0 is not accepted; expected a whole number from 1 to 65535'],
  [['--reconnect', 'client@1,port=8080.5'], '--reconnect: port=8080.5 is not accepted; expected a whole number from 1 to 65535'],
  [['--inject', 'from=client,seq=1099511627776,at=1'], `--inject: seq=1099511627776 is not accepted; ${SEED}`],
  [['--inject', 'from=client,seq=1,ack=-1,at=1'], `--inject: ack=-1 is not accepted; ${SEED}`],
  [['--inject', 'from=client,seq=1,at=1e999'], `--inject: at=1e999 is not accepted; ${SECONDS}`],
  [['--drop', 'nth=1.5'], '--drop: nth=1.5 is not accepted; expected a whole number from 1 to 4294967295'],
  [['--drop', 'id=0'], '--drop: id=0 is not accepted; expected a whole number from 1 to 4294967295'],
  [['--loop', 'from=client,laps=2.5'], '--loop: laps=2.5 is not accepted; expected a whole number from 1 to 4294967295'],
  [['--duplicate', 'from=client,copies=1.5'], '--duplicate: copies=1.5 is not accepted; expected a whole number from 1 to 4294967295'],
  [['--delay', 'from=client,by=0x10'], `--delay: by=0x10 is not accepted; ${SECONDS}`],
  [['--crash', 'server@1,reboot=1e400'], `--crash: reboot=1e400 is not accepted; ${SECONDS}`],
  [['--pcap', ''], '--pcap: needs a file name, e.g. --pcap run.pcap'],
];

describe('bad values on the command line', () => {
  it.each(TABLE)('simulate %j is refused with exactly one line and exit 2', (args, message) => {
    const r = runCli(['simulate', ...args]);
    expect(r.stderr).toBe(`tcp-timewait: ${message}\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it.each([
    [['sandbox', '--seed', '-1'], `--seed: '-1' is not accepted; ${SEED}`],
    [['sandbox', '--seed', '4294967296'], `--seed: '4294967296' is not accepted; ${SEED}`],
    [['sandbox', '--seed', '0x10'], `--seed: '0x10' is not accepted; ${SEED}`],
  ])('%j is refused with the same seed rule as simulate', (args, message) => {
    const r = runCli(args);
    expect(r.stderr).toBe(`tcp-timewait: ${message}\n`);
    expect(r.code).toBe(2);
  });

  it('good values at the edges of each range are accepted', () => {
    for (const args of [
      ['--seed', '0'],
      ['--seed', '4294967295'],
      ['--msl', '3600'],
      ['--msl', '0.5'],
      ['--reconnect', 'client@1,port=65535'],
      ['--inject', 'from=client,seq=4294967295,at=1'],
    ]) {
      const r = runCli(['simulate', '--until', '3', ...args]);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.code, args.join(' ')).toBe(0);
    }
  });

  it('lint --help is help, not a path; an unknown lint option is one line and exit 2', () => {
    const help = runCli(['lint', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^tcp-timewait lint: check lesson files\n\nUsage: tcp-timewait lint \[PATH\]/);
    const bad = runCli(['lint', '--strict']);
    expect(bad.stderr).toBe("tcp-timewait: lint: unknown option '--strict'; usage: tcp-timewait lint [PATH] (see lint --help)\n");
    expect(bad.code).toBe(2);
  });
});
