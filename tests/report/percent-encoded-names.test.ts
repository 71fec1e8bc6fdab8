import { describe, expect, it } from 'vitest';
import { redactUserMentions } from '../../src/report/redact-user-mentions.js';

// A link whose name has an `_` or `-` percent-encoded (`/u/Some%5FGuy/`, as an over-eager encoder writes it; Reddit
// opens it as /u/Some_Guy/) was cut at the escape: the marker replaced the part before it and the rest of the name was
// published (`u/[user]%5FGuy`), a name half hidden.

describe('redactUserMentions on names with a percent-encoded _ or -', () => {
  it.each([
    ['per https://reddit.com/u/Some%5FGuy/comments/bbb222/x/ lol', 'per https://reddit.com/comments/bbb222/x/ lol'],
    ['https://www.reddit.com/r/u_Deep%5fValue%2D99/comments/bbb222/', 'https://www.reddit.com/comments/bbb222/'],
    ['profile: https://www.reddit.com/user/Some%5FGuy/', 'profile: https://www.reddit.com/user/[user]/'],
    ['see /u/Some%2DGuy for it', 'see /u/[user] for it'],
  ])('names no one in %j', (text, expected) => {
    expect(redactUserMentions(text)).toBe(expected);
    expect(redactUserMentions(`\u200B${text}`)).toBe(`\u200B${expected}`);
  });

  it('leaves other escapes and what follows the name alone', () => {
    expect(redactUserMentions('u/SomeGuy%20said so')).toBe('u/[user]%20said so');
    expect(redactUserMentions('up 5%5F u/x')).toBe('up 5%5F u/[user]');
  });
});
