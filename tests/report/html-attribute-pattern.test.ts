import { describe, expect, it } from 'vitest';
import { findReferencedCommentIds } from '../../src/report/find-referenced-comment-ids.js';
import { findTitledThreadIds, threadOfLink } from '../../src/report/find-titled-thread-ids.js';
import { htmlAttributePattern } from '../../src/report/html-attribute-pattern.js';
import { removeThreadTitles } from '../../src/report/remove-thread-titles.js';

const LINK = 'https://www.reddit.com/r/stocks/comments/abc123/amazon_weighs_a_deal/def456/';
const STRIPPED = 'https://www.reddit.com/r/stocks/comments/abc123/_/def456/';

// Each quoting a hand edit may leave; the reader of the link's thread, the reader of quoted comments and the title
// remover must all read it, or a gone comment's link or a gone thread's slug could survive the scrub unnoticed.
const QUOTINGS: Array<[string, (value: string) => string]> = [
  ['double quotes', (v) => `href="${v}"`],
  ['single quotes', (v) => `href='${v}'`],
  ['no quotes', (v) => `href=${v}`],
  ['spaces around = and upper case', (v) => `HREF = "${v}"`],
];

describe('htmlAttributePattern', () => {
  it.each([
    ['name="v"', 'v'],
    ["name='v w'", 'v w'],
    ['name=v>', 'v'],
    ['NAME =\t"v"', 'v'],
  ])('reads %s', (markup, value) => {
    const m = htmlAttributePattern('name', 'i').exec(markup);
    expect(m?.[1] ?? m?.[2] ?? m?.[3]).toBe(value);
  });

  it('takes the name as a whole word', () => {
    expect(htmlAttributePattern('id', 'i').exec('data-comment-ids="x" xid="y"')).toBeNull();
  });
});

describe.each(QUOTINGS)('a link written with %s', (_name, href) => {
  const html = `<p>Pinned: <a ${href(LINK)} rel="nofollow">the best one</a></p>`;

  it('names its thread (thread of link) and its comment (referenced comment ids)', () => {
    expect(threadOfLink(`<a ${href(LINK)}>`)).toBe('abc123');
    expect([...findReferencedCommentIds('html', html)]).toEqual(['def456']);
    expect([...findTitledThreadIds('html', html)]).toEqual(['abc123']);
  });

  it("loses the gone thread's slug, keeping its quoting", () => {
    const removed = removeThreadTitles('html', html, (id) => id === 'abc123');
    expect(removed?.content).toBe(`<p>Pinned: <a ${href(STRIPPED)} rel="nofollow">the best one</a></p>`);
  });
});

describe.each([
  ['double quotes', 'data-comment-id="def456"'],
  ['single quotes', "data-comment-id='def456'"],
  ['no quotes', 'data-comment-id=def456'],
])('a data-comment-id written with %s', (_name, attribute) => {
  it('names the quoted comment', () => {
    expect([...findReferencedCommentIds('html', `<figure ${attribute}><blockquote>words</blockquote></figure>`)]).toEqual(['def456']);
  });
});
