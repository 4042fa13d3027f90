/** State names the lab reports: RFC 9293's, as the simulation writes them (underscores). */
import { TCP_STATES, type TcpState } from '../sim/index.js';

export type LabState = TcpState;

/** The order `ss -s`-like counts are listed in: the simulation's order, with CLOSED last. */
export const LAB_STATE_ORDER: readonly LabState[] = [...TCP_STATES.filter((s) => s !== 'CLOSED'), 'CLOSED'];
