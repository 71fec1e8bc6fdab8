import { describe, expect, it } from 'vitest';
import { hasTitleSlug } from '../../src/reddit/has-title-slug.js';
import { stripTitleSlug } from '../../src/reddit/strip-title-slug.js';

const BASE = 'https://www.reddit.com/r/stocks/comments/1olriws';

describe('stripTitleSlug', () => {
  it("takes the slug out of a submission's permalink", () => {
    expect(stripTitleSlug(`${BASE}/amazon_reportedly_in_talks_to_put_10b_into_openai/`)).toBe(`${BASE}/`);
    expect(stripTitleSlug('/r/stocks/comments/1olriws/amazon_in_talks')).toBe('/r/stocks/comments/1olriws/');
  });

  it("replaces the slug of a comment's permalink with Reddit's placeholder, so the link still opens the comment", () => {
    expect(stripTitleSlug(`${BASE}/amazon_reportedly_in_talks_to_put_10b_into_openai/nmq78fk/`)).toBe(`${BASE}/_/nmq78fk/`);
    expect(stripTitleSlug(`${BASE}/amazon_in_talks/nmq78fk/?context=3`)).toBe(`${BASE}/_/nmq78fk/?context=3`);
    expect(stripTitleSlug(`${BASE}/amazon_in_talks/nmq78fk`)).toBe(`${BASE}/_/nmq78fk`);
  });

  it('leaves a link without a slug as it is', () => {
    for (const link of [`${BASE}/`, `${BASE}/_/nmq78fk/`, 'https://example.com/a', '']) {
      expect(stripTitleSlug(link)).toBe(link);
      expect(hasTitleSlug(link)).toBe(false);
    }
    expect(hasTitleSlug(`${BASE}/amazon_in_talks/nmq78fk/`)).toBe(true);
    expect(hasTitleSlug(`${BASE}/amazon_in_talks/`)).toBe(true);
  });
});
