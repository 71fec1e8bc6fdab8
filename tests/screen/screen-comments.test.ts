import { describe, expect, it } from 'vitest';
import { screenComments } from '../../src/screen/screen-comments.js';
import type { Comment } from '../../src/types.js';
import { makeComment } from '../helpers/make-domain.js';

describe('screenComments', () => {
  it.each<[string, Partial<Comment>, string | null]>([
    ['a normal comment', {}, null],
    ['a user-deleted comment', { status: 'deleted', body: '', author: null }, 'deleted'],
    ['a removed comment', { status: 'removed', body: '', author: null }, 'removed'],
    ['AutoModerator', { author: 'AutoModerator', distinguished: 'moderator', stickied: true }, 'automoderator'],
    ['a distinguished moderator note', { author: 'a_mod', distinguished: 'moderator' }, 'mod-note'],
    ['a stickied comment', { author: 'op', stickied: true }, 'mod-note'],
    ['a listed bot', { author: 'RemindMeBot' }, 'bot'],
    ['a bot by name heuristic', { author: 'chart_bot' }, 'bot'],
    ['a CamelCase bot name', { author: 'SummaryBot2' }, 'bot'],
    ['a self-declared bot', { author: 'helper', body: 'Here is your summary. ^(I am a bot, beep boop)' }, 'bot'],
    ['a human named Talbot', { author: 'Talbot' }, null],
    ['an empty body', { body: '   ' }, 'empty'],
  ])('%s', (_name, overrides, expected) => {
    const [screened] = screenComments([makeComment(overrides)]);
    expect(screened?.excluded).toBe(expected);
  });

  it('honours a custom bot list', () => {
    const [screened] = screenComments([makeComment({ author: 'PriceTicker' })], { botNames: ['priceticker'] });
    expect(screened?.excluded).toBe('bot');
  });

  it('counts a copypasta once: the earliest copy, whatever the input order', () => {
    const pasta = 'Sir, this is a Wendy’s. The circle jerk continues and we are all exit liquidity.';
    const later = makeComment({ id: 'later', body: pasta.toUpperCase(), createdUtc: 200, threadId: 't2' });
    const first = makeComment({ id: 'first', body: pasta, createdUtc: 100 });
    for (const input of [[later, first], [first, later]]) {
      const byId = new Map(screenComments(input).map((s) => [s.comment.id, s.excluded]));
      expect(byId.get('first')).toBeNull();
      expect(byId.get('later')).toBe('duplicate');
    }
  });

  it('does not collapse short common replies such as "lol"', () => {
    const out = screenComments([makeComment({ id: 'a', body: 'lol' }), makeComment({ id: 'b', body: 'lol' })]);
    expect(out.map((s) => s.excluded)).toEqual([null, null]);
  });
});
