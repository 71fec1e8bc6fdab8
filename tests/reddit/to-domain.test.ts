import { describe, expect, it } from 'vitest';
import { statusFromArchiveBody } from '../../src/archive/archive-to-domain.js';
import { isRemovedPlaceholder, statusFromBody } from '../../src/reddit/to-domain.js';

describe("Reddit's placeholders for removed text", () => {
  it("counts Reddit's own removals as removed, like a moderator's, from the API and from archives", () => {
    for (const body of ['[removed]', '[ Removed by Reddit ]', '[ Removed by Reddit on account of violating the content policy. ]', '[Removed by Reddit]']) {
      expect(statusFromBody(body, 'someone'), body).toBe('removed');
      expect(statusFromArchiveBody(body), body).toBe('removed');
    }
  });

  it('leaves real comments that merely mention removal alone', () => {
    for (const body of ['[removed] lol, the mods again', 'They removed it. [removed]?', 'removed by reddit, apparently', '[deleted by the CEO]']) {
      expect(isRemovedPlaceholder(body), body).toBe(false);
      expect(statusFromBody(body, 'someone'), body).toBe('live');
    }
  });
});
