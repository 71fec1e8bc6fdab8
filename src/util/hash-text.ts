import { createHash } from 'node:crypto';

/** Short, stable content hash (sha256, hex, first 16 chars) for cache keys and manifests. */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
