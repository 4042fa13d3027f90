/**
 * Ethernet II framing with fixed, locally administered MAC addresses, one per node, so a
 * capture with `linkType: 'ethernet'` shows which hop each frame is on.
 */
import type { NodeName } from '../../sim/index.js';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERNET_HEADER_LENGTH = 14;

/** 02:00:00:00:00:01 for the client, :02 for the server, 02:00:00:00:01:NN for router rNN. */
export function macOf(node: NodeName): Uint8Array {
  if (node === 'client') return Uint8Array.of(2, 0, 0, 0, 0, 1);
  if (node === 'server') return Uint8Array.of(2, 0, 0, 0, 0, 2);
  const n = Number(node.slice(1));
  return Uint8Array.of(2, 0, 0, 0, 1, n & 0xff);
}

export function ethernetFrame(src: NodeName, dst: NodeName, ipPacket: Uint8Array): Uint8Array {
  const f = new Uint8Array(ETHERNET_HEADER_LENGTH + ipPacket.length);
  f.set(macOf(dst), 0);
  f.set(macOf(src), 6);
  new DataView(f.buffer).setUint16(12, ETHERTYPE_IPV4);
  f.set(ipPacket, ETHERNET_HEADER_LENGTH);
  return f;
}
