/** `simulate --policy KEY=VALUE` and the Linux rules from the command line. */
import { describe, expect, it } from 'vitest';
import { parsePolicyFlag } from '../../src/cli/policyFlag.js';
import { parseSimulateArgs } from '../../src/cli/simulateOptions.js';

describe('--policy KEY=VALUE', () => {
  it.each([
    ['timestamps=off', { timestamps: false }],
    ['tailLossProbe=on', { tailLossProbe: true }],
    ['tcpTwReuse=1', { tcpTwReuse: 1 }],
    ['finWait2TimeoutSeconds=null', { finWait2TimeoutSeconds: null }],
    ['rtoEstimator=initial', { rtoEstimator: 'initial' }],
    ['timeWait=off', { timeWait: 'off' }],
    ['ephemeralFirst=50000', { ephemeralFirst: 50000 }],
  ])('%s', (text, want) => {
    expect(parsePolicyFlag(text)).toEqual(want);
  });
  it.each(['bogus=1', 'timestamps', 'timestamps=maybe', 'tcpTwReuse=3', 'rtoEstimator=fast'])('refuses %s in one line', (text) => {
    expect(() => parsePolicyFlag(text)).toThrow(/^--policy: .+ is not accepted/);
    try {
      parsePolicyFlag(text);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
  it('applies after --preset, one policy at a time', () => {
    const req = parseSimulateArgs(['--preset', 'linux', '--policy', 'timestamps=off', '--policy', 'delayedAck=off']);
    expect(req.policies).toMatchObject({ timeWaitSegments: 'linux', timestamps: false, delayedAck: 'off' });
  });
});
