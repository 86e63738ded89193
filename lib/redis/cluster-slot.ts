// The hash slot of a key (Redis Cluster): CRC16 (XMODEM) of the key, or of its hash tag (the
// bytes between the first "{" and the next "}" when there are any), modulo 16384. Pure: the key
// browser routes each key command to the master serving its slot without asking Redis.
import { CLUSTER_SLOTS } from './parse/parse-cluster';

const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[byte] = crc;
  }
  return table;
})();

function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc;
}

/** The bytes that are hashed: the hash tag when the key has a non-empty one, else the whole key. */
function hashedPart(key: Buffer): Buffer {
  const open = key.indexOf(0x7b); // "{"
  if (open < 0) return key;
  const close = key.indexOf(0x7d, open + 1); // "}"
  if (close < 0 || close === open + 1) return key;
  return key.subarray(open + 1, close);
}

export function keySlot(key: Buffer): number {
  return crc16(hashedPart(key)) % CLUSTER_SLOTS;
}
