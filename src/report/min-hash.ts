/** Number of hash functions per signature: ±~0.06 error on Jaccard, plenty to spot near-duplicates. */
const SIGNATURE_SIZE = 64;
const SEEDS: number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/**
 * MinHash signature of a text's word 3-shingles (case- and punctuation-
 * insensitive), so copy-pasted or lightly edited comments collapse into one
 * quote. Signatures are computed only for the prefiltered candidates.
 */
export function computeMinHash(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const shingles: number[] = [];
  if (words.length < 3) shingles.push(hashString(words.join(' ')));
  for (let i = 0; i + 3 <= words.length; i++) shingles.push(hashString(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let j = 0; j < SIGNATURE_SIZE; j++) {
      const h = mix32(shingle ^ (SEEDS[j] ?? 0)) >>> 0;
      if (h < (signature[j] ?? 0)) signature[j] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

function hashString(text: string): number {
  // FNV-1a, 32-bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix32(x: number): number {
  // murmur3 finaliser: spreads the bits so XOR-seeded hashes behave like independent ones.
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
