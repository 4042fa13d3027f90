/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit
 * big-endian words. IPv4 uses it over its header; TCP over a pseudo-header plus the segment.
 */

/** Ones' complement sum of `bytes` as 16-bit big-endian words, folded to 16 bits (not inverted). */
export function onesComplementSum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  const evenEnd = bytes.length & ~1;
  for (let i = 0; i < evenEnd; i += 2) {
    sum += (bytes[i]! << 8) | bytes[i + 1]!;
    // Fold as we go so the sum never leaves the safe integer range, however long the input.
    if (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  }
  // An odd trailing byte is padded with a zero byte on the right (RFC 1071 §4.1).
  if (bytes.length & 1) sum += bytes[bytes.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/** The Internet checksum of the concatenation of `parts`, ready to store in a header. */
export function internetChecksum(...parts: Uint8Array[]): number {
  // Summing parts separately is only valid when every part but the last has even length,
  // which holds for the pseudo-header (12 bytes) and headers (multiples of 4).
  let sum = 0;
  for (const part of parts) sum = onesComplementSum(part, sum);
  return ~sum & 0xffff;
}
