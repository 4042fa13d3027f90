/**
 * The ranges numbers in a scenario may take, in one place so the CLI's flags and the YAML
 * schemas (src/lessons/simSchemas.ts, schema.ts) cannot drift apart. Pure constants.
 */
import { LIMITS } from './limits.js';

/** Sequence and acknowledgement numbers, ISNs and seeds are unsigned 32-bit on the wire. */
export const U32_MAX = 0xffff_ffff;

/** TCP ports: 0 is not a port a connection can use. */
export const PORT_MIN = 1;
export const PORT_MAX = 65_535;

/**
 * No simulated time (an instant, a delay, a lifetime) may pass this: one simulated day, the
 * work limit of src/sim/limits.ts, far beyond any lesson; it keeps every time finite, so
 * "fires at Infinity" cannot happen.
 */
export const SECONDS_MAX = LIMITS.seconds;

/**
 * The MSL must be above zero (a zero MSL makes TIME_WAIT vanish; --time-wait off says that
 * honestly) and at most an hour, thirty times RFC 793's two minutes.
 */
export const MSL_MAX_SECONDS = 3_600;

/** A dotted-quad IPv4 address (the pcap writes IPv4 headers), each part 0-255. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
