import { describe, expect, it } from 'vitest';
import { namesNoRedditContent } from '../../src/report/names-no-reddit-content.js';

describe('namesNoRedditContent: a file the comparison scrub may leave alone', () => {
  it.each([
    ['a JSON of notes', '{"todo": ["compare the launches"]}'],
    ['a CSV of other figures', 'event,share\nlaunch,0.4\n'],
    ['Markdown notes with a quote block', '# plan\n\n> a line I liked\n'],
    ['an empty file', ''],
  ])('%s names no Reddit content', (_, content) => {
    expect(namesNoRedditContent(content)).toBe(true);
  });

  it.each([
    ['a comparison cut short', '{\n  "schema": "reactionlens/comparison@1",\n  "tags": [{"topQuotes": [{"quote": {"commentId": "abc'],
    ['a hand-edited JSON quoting a comment', '{"quote": {"commentId": "k1x2y3"}}'],
    ['a CSV with a comment column', 'comment_id,text\nk1x2y3,hello\n'],
    ['a permalink', 'see https://www.reddit.com/r/stocks/comments/1abc/x/k1x2y3/'],
    ['a short link', 'https://redd.it/1abc'],
    ['our Markdown heading, edited below', '## Reddit reaction compared\n\nnotes'],
    ['an HTML quote', '<figure data-comment-id="k1x2y3">'],
  ])('%s does', (_, content) => {
    expect(namesNoRedditContent(content)).toBe(false);
  });
});
