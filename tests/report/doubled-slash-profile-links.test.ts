import { describe, expect, it } from 'vitest';
import { redactUserMentions } from '../../src/report/redact-user-mentions.js';

// A pasted link with a doubled slash after the host (`reddit.com//u/name`, from a base URL joined to a path that
// starts with one) opens the same page on Reddit, so it names the same user: it was matched by no pattern (a mention
// must not follow a `/`, and the host forms wanted exactly one), and the name went out whole without --with-authors.

describe('redactUserMentions on links with a doubled slash after reddit.com', () => {
  it.each([
    ['read reddit.com//u/SomeGuy/comments/bbb222/ lol', 'read reddit.com/comments/bbb222/ lol'],
    ['https://www.reddit.com//user/SomeGuy/comments/bbb222/my_post/', 'https://www.reddit.com/comments/bbb222/my_post/'],
    ['https://www.reddit.com//r/u_SomeGuy/comments/bbb222/', 'https://www.reddit.com/comments/bbb222/'],
    ['his profile: https://www.reddit.com//user/SomeGuy/', 'his profile: https://www.reddit.com//user/[user]/'],
    ['https://www.reddit.com//u/SomeGuy', 'https://www.reddit.com//u/[user]'],
    ['https://www.reddit.com//r/u_SomeGuy/', 'https://www.reddit.com//r/u_[user]/'],
    // a slug that spells a name goes from such a link too
    ['https://www.reddit.com//r/stocks/comments/1abc/ru_someguy_posts/', 'https://www.reddit.com//r/stocks/comments/1abc/'],
  ])('names no one in %j', (text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
    expect(redactUserMentions(`${text}\u200B`)).toBe(`${expected}\u200B`);
  });

  it('still leaves a path on another host alone', () => {
    expect(redactUserMentions('https://example.com//u/x')).toBe('https://example.com//u/x');
  });
});
