// Turns off V8's allocation-site pretenuring for this process, once, before wink-nlp reads its first document.
//
// Why: wink-nlp builds every document from array and object literals that live exactly as long as the document,
// and the tagger keeps a batch's analyses until the batch is scored. A scavenge that catches them in flight finds
// nearly all of them alive, so V8 marks their allocation sites "tenured": from then on that garbage is allocated
// straight into the old generation, which only a full mark-compact reclaims, and the heap grows to V8's old-
// generation limit before it does. On the tagger bench (`npm run bench -- tagger`: 20,000 comments, five rounds,
// one process) peak RSS is about 300 MB with pretenuring and about 155 MB without; the tagger runs 13-20 % faster
// in comments per second, and wink's own readDoc (the bench's baseline, same process) 20-35 % faster.
// REACTIONLENS_V8_PRETENURING=1 keeps V8's default, to reproduce the comparison. The flag is read whenever V8
// processes pretenuring feedback, so setting it at run time applies to every allocation site decided afterwards.

import { setFlagsFromString } from 'node:v8';

export type PretenuringSetting = 'off' | 'V8 default';

let setting: PretenuringSetting | undefined;

/** Only REACTIONLENS_V8_PRETENURING=1 keeps V8's default; anything else (unset, 0, true …) turns pretenuring off. */
export function decidePretenuring(env: NodeJS.ProcessEnv): PretenuringSetting {
  return env.REACTIONLENS_V8_PRETENURING === '1' ? 'V8 default' : 'off';
}

export function avoidPretenuring(env: NodeJS.ProcessEnv = process.env): void {
  if (setting !== undefined) return;
  setting = decidePretenuring(env);
  if (setting === 'off') setFlagsFromString('--no-allocation-site-pretenuring');
}

/** What avoidPretenuring decided for this process (undefined before wink's first use); the bench prints it. */
export function pretenuringSetting(): PretenuringSetting | undefined {
  return setting;
}
