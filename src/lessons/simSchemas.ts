/**
 * zod schemas for the simulation's data language (src/sim/condition.ts, scenario.ts, policy.ts),
 * so lesson files and scenario files can spell Conditions, Perturbations, policies and whole
 * scenarios in YAML with exactly the TypeScript shapes. The compile-time checks at the bottom
 * fail `tsc` if a schema drifts from the type it mirrors.
 */
import { z } from 'zod';
import { TCP_STATES } from '../sim/tcp/states.js';
import type { Condition } from '../sim/condition.js';
import type { Perturbation, ScenarioSpec, ScriptAction, SegmentSelector } from '../sim/scenario.js';
import type { Policies } from '../sim/policy.js';
import { isIpv4, MSL_MAX_SECONDS, U32_MAX } from '../sim/valueBounds.js';
import { LIMITS } from '../sim/limits.js';

export const hostSchema = z.enum(['client', 'server']);
export const stateSchema = z.enum(TCP_STATES);
export const flagSchema = z.enum(['SYN', 'FIN', 'RST', 'PSH', 'ACK']);
export const appEventSchema = z.enum([
  'listening',
  'connected',
  'data',
  'eof',
  'closed',
  'ECONNRESET',
  'ECONNREFUSED',
  'EADDRINUSE',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
  'EPIPE',
]);
// Upper bounds come from the tables the command line uses too (src/sim/limits.ts, valueBounds.ts).
const nth = z.number().int().min(1).max(LIMITS.count).optional();
const seconds = z.number().min(0).max(LIMITS.seconds);
/** Shared with the CLI's --msl (src/sim/valueBounds.ts): above zero, at most an hour. */
export const mslSchema = z.number().positive().max(MSL_MAX_SECONDS);
/** The pcap writes IPv4 headers, so an address is checked when the scenario loads, not at export. */
const ipv4 = z.string().refine(isIpv4, { message: 'an IPv4 address such as 10.0.0.1' });

/** The fields of SegmentMatch (src/sim/condition.ts), shared by conditions and selectors. */
const segmentMatchFields = {
  from: hostSchema.optional(),
  flags: z.array(flagSchema).optional(),
  exact: z.boolean().optional(),
  data: z.boolean().optional(),
  retransmission: z.boolean().optional(),
};

export const conditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('state'), host: hostSchema.optional(), state: stateSchema, fromState: stateSchema.optional(), nth }),
  z.strictObject({ kind: z.literal('segment'), on: z.enum(['send', 'deliver', 'drop']), ...segmentMatchFields, nth }),
  z.strictObject({ kind: z.literal('app'), host: hostSchema.optional(), event: appEventSchema, nth }),
  z.strictObject({
    kind: z.literal('timer'),
    host: hostSchema.optional(),
    timer: z.enum(['RTO', '2MSL', 'FIN_WAIT_2', 'DELACK']),
    action: z.enum(['start', 'restart', 'expire', 'cancel']),
    nth,
  }),
  z.strictObject({ kind: z.literal('alert'), alert: z.enum(['old-duplicate-accepted']), nth }),
  z.strictObject({ kind: z.literal('time'), seconds }),
  z.strictObject({ kind: z.literal('quiet') }),
]);

export const policiesSchema = z.strictObject({
  mslSeconds: mslSchema.optional(),
  timeWaitFixedSeconds: z.number().positive().nullable().optional(),
  timeWait: z.enum(['rfc', 'off']).optional(),
  berkeleySynInTimeWait: z.boolean().optional(),
  rstInTimeWait: z.enum(['close', 'ignore']).optional(),
  reuseTimeWait: z.enum(['refuse', 'allow']).optional(),
  initialRtoSeconds: z.number().positive().optional(),
  maxRetransmissions: z.number().int().min(0).max(LIMITS.retransmissions).optional(),
  initialTtl: z.number().int().min(1).max(255).optional(),
  abortSegment: z.enum(['rst', 'rst-ack']).optional(),
  timeWaitSegments: z.enum(['rfc', 'linux']).optional(),
  rtoEstimator: z.enum(['initial', 'rfc6298', 'linux']).optional(),
  tailLossProbe: z.boolean().optional(),
  synSentStrayAck: z.enum(['rto', 'timeout-min']).optional(),
  finWait2TimeoutSeconds: z.number().positive().nullable().optional(),
  dataAfterClose: z.enum(['deliver', 'reset']).optional(),
  closeWithUnreadData: z.enum(['fin', 'reset']).optional(),
  timestamps: z.boolean().optional(),
  reuseCheck: z.enum(['plain', 'linux']).optional(),
  tcpTwReuse: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  ephemeralFirst: z.number().int().min(1).max(65535).optional(),
  ephemeralLast: z.number().int().min(1).max(65535).optional(),
  delayedAck: z.enum(['off', 'linux']).optional(),
});

export const selectorSchema = z.strictObject({
  ...segmentMatchFields,
  nth,
  every: z.boolean().optional(),
  id: z.number().int().min(0).max(LIMITS.count).optional(),
  senderState: z.union([stateSchema, z.array(stateSchema).min(1)]).optional(),
});

const timed = { at: seconds.optional(), afterStep: z.number().int().min(0).optional() };

export const perturbationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('drop'), match: selectorSchema, ...timed }),
  z.strictObject({
    kind: z.literal('duplicate'),
    match: selectorSchema,
    copies: z.number().int().min(1).max(LIMITS.copies).optional(),
    gap: seconds.optional(),
    ...timed,
  }),
  z.strictObject({ kind: z.literal('delay'), match: selectorSchema, by: seconds, ...timed }),
  z.strictObject({
    kind: z.literal('loop'),
    match: selectorSchema,
    laps: z.number().int().min(1).max(LIMITS.laps).optional(),
    for: seconds.optional(),
    ...timed,
  }),
  z.strictObject({ kind: z.literal('reorder'), match: selectorSchema, by: seconds.optional(), ...timed }),
  z.strictObject({ kind: z.literal('heal'), ...timed }),
  z.strictObject({ kind: z.literal('crash'), host: hostSchema, rebootAfter: seconds.optional(), ...timed }),
  z.strictObject({
    kind: z.literal('inject'),
    segment: z.strictObject({
      from: hostSchema,
      flags: z.array(flagSchema),
      seq: z.number().int().min(0).max(0xffff_ffff),
      ack: z.number().int().min(0).max(0xffff_ffff).optional(),
      data: z.string().optional(),
      incarnation: z.number().int().min(0).optional(),
      born: seconds.optional(),
    }),
    ...timed,
  }),
  z.strictObject({
    kind: z.literal('reconnect'),
    host: hostSchema,
    port: z.number().int().min(1).max(65535).optional(),
    remotePort: z.number().int().min(1).max(65535).optional(),
    ...timed,
  }),
  z.strictObject({ kind: z.literal('policy'), set: policiesSchema, ...timed }),
]);

const triggerSchema = z.union([
  z.strictObject({ host: hostSchema, event: appEventSchema, nth }),
  z.strictObject({ host: hostSchema, state: stateSchema, nth }),
]);

export const scriptActionSchema = z.strictObject({
  host: hostSchema,
  call: z.enum(['listen', 'connect', 'send', 'close', 'shutdown', 'abort', 'read']),
  at: seconds.optional(),
  when: triggerSchema.optional(),
  after: seconds.optional(),
  repeat: z.boolean().optional(),
  port: z.number().int().min(1).max(65535).optional(),
  remotePort: z.number().int().min(1).max(65535).optional(),
  data: z.string().optional(),
});

const u32 = z.number().int().min(0).max(U32_MAX);
export const isnSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('fixed'), client: u32, server: u32, step: z.number().int().optional() }),
  z.strictObject({ rule: z.literal('clock'), clientOffset: u32.optional(), serverOffset: u32.optional() }),
  z.strictObject({ rule: z.literal('random') }),
]);

export const networkSchema = z.strictObject({
  clientIp: ipv4.optional(),
  serverIp: ipv4.optional(),
  linkDelays: z.tuple([seconds, seconds, seconds]).optional(),
  loopHopDelay: seconds.optional(),
  lossRate: z.number().min(0).lt(1).optional(),
});

export const scenarioSpecSchema = z.strictObject({
  name: z.string().min(1),
  title: z.string(),
  description: z.string(),
  policies: policiesSchema.optional(),
  isn: isnSchema.optional(),
  network: networkSchema.optional(),
  serverPort: z.number().int().min(1).max(65535).optional(),
  clientPort: z.number().int().min(1).max(65535).optional(),
  script: z.array(scriptActionSchema),
  appReads: z.strictObject({ client: z.enum(['on-arrival', 'when-asked']).optional(), server: z.enum(['on-arrival', 'when-asked']).optional() }).optional(),
  perturbations: z.array(perturbationSchema).optional(),
  until: seconds.optional(),
});

// Compile-time drift checks: each parsed shape must be assignable to the sim's type.
type Assignable<T extends U, U> = T;
export type _ConditionCheck = Assignable<z.infer<typeof conditionSchema>, Condition>;
export type _PerturbationCheck = Assignable<z.infer<typeof perturbationSchema>, Perturbation>;
export type _SelectorCheck = Assignable<z.infer<typeof selectorSchema>, SegmentSelector>;
export type _PoliciesCheck = Assignable<z.infer<typeof policiesSchema>, Partial<Policies>>;
export type _ScriptCheck = Assignable<z.infer<typeof scriptActionSchema>, ScriptAction>;
export type _ScenarioCheck = Assignable<z.infer<typeof scenarioSpecSchema>, ScenarioSpec>;
