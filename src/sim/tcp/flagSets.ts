/**
 * The flag combinations TCP sends, each made once. Segments and the retransmission queue share
 * them: nothing edits a segment's flags once it is built, and building a fresh object for every
 * segment was a measurable share of a long run's allocation.
 */
import { flagsOf, type Flags } from '../types.js';

export const SYN: Readonly<Flags> = flagsOf('SYN');
export const SYN_ACK: Readonly<Flags> = flagsOf('SYN', 'ACK');
export const ACK: Readonly<Flags> = flagsOf('ACK');
export const PSH_ACK: Readonly<Flags> = flagsOf('PSH', 'ACK');
export const FIN_ACK: Readonly<Flags> = flagsOf('FIN', 'ACK');
export const RST: Readonly<Flags> = flagsOf('RST');
export const RST_ACK: Readonly<Flags> = flagsOf('RST', 'ACK');
