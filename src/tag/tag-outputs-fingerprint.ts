// A fingerprint of what the tagger outputs on the repo's own texts, recorded next to the model with the
// tagger version it was taken with. Stored tags carry the tagger version, and a version that stays the same
// while the outputs change (a context filter or a matching rule edited without a lexicon bump or a retrain)
// would leave tags from the old code looking current. The model-guard test compares the two.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Tagger } from '../types.js';
import { parseConfigJson } from '../errors/parse-config-json.js';
import { parseConfigJsonl } from '../errors/parse-config-jsonl.js';

/** The JSONL files (one object with a `text` per line) the fingerprint is taken on, relative to the repo. */
export const FINGERPRINT_FILES = [
  'training/labeled-dev.jsonl',
  'training/probes/written-a.jsonl',
  'training/probes/written-b.jsonl',
  'training/probes/cue-review.jsonl',
  'training/probes/adversarial-review.jsonl',
  'training/probes/smoke-tests.jsonl',
  'training/probes/lex18-review.jsonl',
  'training/probes/rule-families.jsonl',
  'training/probes/lex20-review.jsonl',
  'training/probes/lex21-check.jsonl',
  'training/probes/lex24-review.jsonl',
  'training/probes/lex25-check.jsonl',
  'training/probes/lex27-review.jsonl',
  'training/probes/lex29-check.jsonl',
  'training/probes/lex31-review.jsonl',
  'training/probes/lex37-review.jsonl',
  'training/probes/lex41-review.jsonl',
  'training/probes/lex43-review.jsonl',
  'training/probes/lex45-review.jsonl',
  'training/probes/lex46-review.jsonl',
  'training/probes/blind-laugh.jsonl',
  'training/probes/blind-check-2.jsonl',
  'training/probes/blind-check-3.jsonl',
  'training/probes/blind-check-4.jsonl',
  'training/probes/blind-check-5.jsonl',
  'training/probes/blind-check-6.jsonl',
  'training/probes/blind-check-7.jsonl',
  'training/probes/blind-check-8.jsonl',
  'training/probes/blind-check.jsonl',
] as const;

/** Texts the labeled files lack: every screening path and the Reddit markers normalisation rewrites. */
const EDGE_TEXTS = [
  '',
  '🙄🙄💀',
  '> only the parent\n> speaking',
  '&gt; quoted parent\nMore circular financing /s',
  'Esto es una burbuja, financiación circular, sin duda.',
  'u/someone says r/stocks thinks $10B&amp;more is fine\u200b… “totally” not a bubble 🤡',
  'x'.repeat(300) + ' when this pops',
];

export const FINGERPRINT_PATH = fileURLToPath(new URL('../../models/tagger-outputs.json', import.meta.url));

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
const recordSchema = z.object({ tagger: z.string(), texts: z.number().int(), textsSha256: SHA256, sha256: SHA256 });
export type OutputsFingerprint = z.infer<typeof recordSchema>;

const lineSchema = z.object({ text: z.string() });

/** The fingerprint's texts, in a fixed order: every line of FINGERPRINT_FILES, then the edge texts. */
export function readFingerprintTexts(): string[] {
  const texts: string[] = [];
  for (const rel of FINGERPRINT_FILES) {
    const path = fileURLToPath(new URL(`../../${rel}`, import.meta.url));
    for (const line of parseConfigJsonl(readFileSync(path, 'utf8'), lineSchema, rel, 'not a text line')) texts.push(line.text);
  }
  return [...texts, ...EDGE_TEXTS];
}

/** sha256 over the texts and over the tagger's outcome for each text (one JSON line each, in order). */
export function fingerprintTagOutputs(tagger: Tagger, texts: readonly string[]): OutputsFingerprint {
  const t = createHash('sha256');
  for (const text of texts) t.update(JSON.stringify(text) + '\n');
  const h = createHash('sha256');
  for (const o of tagger.tagMany(texts)) h.update(JSON.stringify(o) + '\n');
  return { tagger: tagger.version, texts: texts.length, textsSha256: t.digest('hex'), sha256: h.digest('hex') };
}

/**
 * Why a new fingerprint must not replace the recorded one, or undefined when it may: the same tagger version on the
 * same texts with other outputs means the matching code changed without a new version (stored tags would pass for
 * current). New texts, or a new version, are simply recorded.
 */
export function refuseFingerprintUpdate(recorded: OutputsFingerprint | undefined, next: OutputsFingerprint): string | undefined {
  if (recorded === undefined || recorded.tagger !== next.tagger || recorded.textsSha256 !== next.textsSha256) return undefined;
  if (recorded.sha256 === next.sha256) return undefined;
  return `tag outputs changed on the same texts but the tagger version (${next.tagger}) did not: bump LEXICON_VERSION in src/tag/cue-lexicon.ts and run npm run train again`;
}

export function serializeFingerprint(f: OutputsFingerprint): string {
  return JSON.stringify(f, null, 2) + '\n';
}

export function parseFingerprint(json: string, path = FINGERPRINT_PATH): OutputsFingerprint {
  return parseConfigJson(json, recordSchema, path, 'not a tag-outputs fingerprint');
}
