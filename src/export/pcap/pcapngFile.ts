/**
 * The pcapng file format (IETF draft-ietf-opsawg-pcapng): a Section Header Block, one Interface
 * Description Block per capture point, then one Enhanced Packet Block per packet. Every block is
 * `type, total length, body, total length`, all little-endian here, padded to 32 bits. Options
 * are `code, length, value` padded to 32 bits and closed by opt_endofopt.
 */
import { concatBytes } from './pcapFile.js';

const SHB_TYPE = 0x0a0d0d0a;
const IDB_TYPE = 0x00000001;
const EPB_TYPE = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

const OPT_ENDOFOPT = 0;
const OPT_COMMENT = 1;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const SHB_USERAPPL = 4;

export interface PcapngInterface {
  name: string;
  description: string;
  linkType: number;
  snaplen: number;
}

export interface PcapngPacket {
  /** Index of the interface (IDB) it was seen on, in the order the interfaces were given. */
  interfaceId: number;
  /** Capture time in microseconds (the default if_tsresol of 10^-6). */
  at: number;
  bytes: Uint8Array;
  /** Shown by Wireshark as frame.comment. */
  comment?: string;
}

const utf8 = new TextEncoder();
const pad4 = (n: number): number => (n + 3) & ~3;

interface Option {
  code: number;
  value: Uint8Array;
}

function optionsBytes(options: readonly Option[]): Uint8Array {
  if (options.length === 0) return new Uint8Array(0);
  const size = options.reduce((n, o) => n + 4 + pad4(o.value.length), 0) + 4;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let off = 0;
  for (const o of options) {
    v.setUint16(off, o.code, true);
    v.setUint16(off + 2, o.value.length, true);
    out.set(o.value, off + 4);
    off += 4 + pad4(o.value.length);
  }
  v.setUint16(off, OPT_ENDOFOPT, true);
  v.setUint16(off + 2, 0, true);
  return out;
}

/** A block: its fixed body (already a multiple of 4 bytes) followed by its options. */
function block(type: number, body: Uint8Array, options: readonly Option[]): Uint8Array {
  const opts = optionsBytes(options);
  const total = 12 + body.length + opts.length;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, type, true);
  v.setUint32(4, total, true);
  out.set(body, 8);
  out.set(opts, 8 + body.length);
  v.setUint32(total - 4, total, true);
  return out;
}

const text = (code: number, s: string): Option => ({ code, value: utf8.encode(s) });

export function sectionHeaderBlock(application: string): Uint8Array {
  const body = new Uint8Array(16);
  const v = new DataView(body.buffer);
  v.setUint32(0, BYTE_ORDER_MAGIC, true);
  v.setUint16(4, 1, true); // version 1.0
  v.setUint16(6, 0, true);
  v.setBigInt64(8, -1n, true); // section length not given
  return block(SHB_TYPE, body, [text(SHB_USERAPPL, application)]);
}

export function interfaceDescriptionBlock(i: PcapngInterface): Uint8Array {
  const body = new Uint8Array(8);
  const v = new DataView(body.buffer);
  v.setUint16(0, i.linkType, true);
  v.setUint16(2, 0, true); // reserved
  v.setUint32(4, i.snaplen, true);
  return block(IDB_TYPE, body, [text(IF_NAME, i.name), text(IF_DESCRIPTION, i.description)]);
}

export function enhancedPacketBlock(p: PcapngPacket): Uint8Array {
  const body = new Uint8Array(20 + pad4(p.bytes.length));
  const v = new DataView(body.buffer);
  const at = BigInt(Math.max(0, Math.round(p.at)));
  v.setUint32(0, p.interfaceId, true);
  v.setUint32(4, Number(at >> 32n), true); // timestamp, upper 32 bits
  v.setUint32(8, Number(at & 0xffffffffn), true); // and lower 32 bits
  v.setUint32(12, p.bytes.length, true); // captured length: nothing is truncated
  v.setUint32(16, p.bytes.length, true); // original length
  body.set(p.bytes, 20);
  return block(EPB_TYPE, body, p.comment === undefined ? [] : [text(OPT_COMMENT, p.comment)]);
}

/** A whole single-section pcapng file, packets in the order given. */
export function writePcapng(application: string, interfaces: readonly PcapngInterface[], packets: readonly PcapngPacket[]): Uint8Array {
  const parts = [sectionHeaderBlock(application), ...interfaces.map(interfaceDescriptionBlock), ...packets.map(enhancedPacketBlock)];
  return concatBytes(parts);
}
