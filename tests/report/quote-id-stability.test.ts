import { describe, expect, it } from 'vitest';
import { pickQuotes } from '../../src/report/pick-quotes.js';
import type { QuoteCandidate } from '../../src/report/pick-quotes.js';
import type { ResolvedTags } from '../../src/report/resolve-tags.js';
import type { TagName } from '../../src/types.js';
import { makeComment, makeTags, makeThread } from './report-fixture.js';

// README (quotes command) says when a quote id changes: the id is the comment id plus the excerpt's offsets, and a
// comment too long to quote whole is cut around the strongest cue of the tag it is quoted for.
const thread = makeThread('t1', 'stocks', 'Amazon and OpenAI');
const LONG = [
  'Amazon pays OpenAI and OpenAI pays AWS, which is circular financing dressed up as a partnership.',
  'Analysts will call it a win for both sides and move on to the next press release.',
  'Meanwhile nobody is asking how the burn rate gets covered once the hype fades and the debt comes due.',
].join(' ');

function idOf(body: string, cues: Partial<Record<TagName, { score: number; cues?: string[] }>>, tag: TagName): string {
  const comment = makeComment('c1', thread, body);
  const candidate: QuoteCandidate = { comment, thread, tags: makeTags(comment, cues).tags as ResolvedTags };
  const [quote] = pickQuotes([candidate], { tag, limit: 1, refrains: new Map(), withAuthors: false });
  if (quote === undefined) throw new Error('no quote picked');
  return quote.id;
}

describe('when a quote id changes', () => {
  it('is the comment id and the excerpt offsets in the stored body', () => {
    expect(idOf(LONG, { cynicism: { score: 0.9, cues: ['circular financing'] } }, 'cynicism')).toMatch(/^c1:\d+-\d+$/);
  });

  it('moves, with the text unchanged, when another tagger version finds its strongest cue elsewhere', () => {
    const before = idOf(LONG, { cynicism: { score: 0.9, cues: ['circular financing'] } }, 'cynicism');
    const after = idOf(LONG, { cynicism: { score: 0.9, cues: ['hype fades'] } }, 'cynicism');
    expect(after).not.toBe(before);
  });

  it('differs for the same comment quoted for another tag', () => {
    const cues = { cynicism: { score: 0.9, cues: ['circular financing'] }, bubble_caution: { score: 0.9, cues: ['burn rate'] } };
    expect(idOf(LONG, cues, 'bubble_caution')).not.toBe(idOf(LONG, cues, 'cynicism'));
  });

  it('stays for a comment short enough to quote whole, whatever its cues', () => {
    const short = 'Circular financing dressed up as a partnership, and the hype will fade.';
    const one = idOf(short, { cynicism: { score: 0.9, cues: ['circular financing'] } }, 'cynicism');
    expect(idOf(short, { cynicism: { score: 0.9, cues: ['hype will fade'] } }, 'cynicism')).toBe(one);
    expect(one).toBe(`c1:0-${short.length}`);
  });
});
