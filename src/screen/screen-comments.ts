import type { Comment, ExclusionReason, ScreenedComment } from '../types.js';

/** Accounts that post automated replies on the subreddits we watch; extend per event with --bots or config. */
export const DEFAULT_BOT_NAMES: readonly string[] = [
  'AutoModerator',
  'RemindMeBot',
  'sneakpeekbot',
  'WikiSummarizerBot',
  'TweetLinkerBot',
  'tldrbot',
  'autotldr',
  'SaveVideo',
  'B0tRank',
  'VisualMod',
  'QualityVote',
];

export interface ScreenOptions {
  botNames?: readonly string[];
}

// Heuristic for bots not on the list: names like "foo_bot", "foo-bot2" or CamelCase "FooBot"
// (not "Talbot"), and bodies that announce themselves ("I am a bot", "^(I'm a bot").
const BOT_NAME = /(?:^|[_-])bot\d*$|[a-z0-9]Bot\d*$/;
const BOT_SIGNATURE = /\bI(?:'| a)m a bot\b|\^\(?I am a bot|beep boop/i;

/**
 * Decides, per comment, whether it is analysed or excluded and why. Order
 * matters: a deleted AutoModerator note counts as deleted. Exact duplicate
 * texts (copypasta) count once: the earliest copy is analysed, later ones are
 * excluded as duplicates. Input order does not change the result.
 */
export function screenComments(comments: readonly Comment[], options: ScreenOptions = {}): ScreenedComment[] {
  const bots = toBotSet(options);
  const firstByText = new Map<string, Comment>();
  const chronological = [...comments].sort(compareChronologically);
  const reasons = new Map<string, ExclusionReason | null>();
  for (const comment of chronological) {
    const reason = screenOne(comment, bots);
    if (reason !== null) {
      reasons.set(comment.id, reason);
      continue;
    }
    const key = toDuplicateKey(comment.body);
    if (key !== null) {
      if (firstByText.has(key)) {
        reasons.set(comment.id, 'duplicate');
        continue;
      }
      firstByText.set(key, comment);
    }
    reasons.set(comment.id, null);
  }
  return comments.map((comment) => ({ comment, excluded: reasons.get(comment.id) ?? null }));
}

/** The earlier of two copies of a text is the one analysed: by time, then id. */
export function compareChronologically(a: Pick<Comment, 'createdUtc' | 'id'>, b: Pick<Comment, 'createdUtc' | 'id'>): number {
  return a.createdUtc - b.createdUtc || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The bot names screening uses, lower-cased. */
export function toBotSet(options: ScreenOptions): ReadonlySet<string> {
  return new Set((options.botNames ?? DEFAULT_BOT_NAMES).map((n) => n.toLowerCase()));
}

/** What a comment shares with its copies, or null when it is too short to count as one (under 20 characters). */
export function toDuplicateKey(body: string): string | null {
  const key = normaliseForDuplicate(body);
  return key.length >= 20 ? key : null;
}

/** Why the comment is excluded, on its own (without looking for earlier copies of it), or null. */
export function screenOne(comment: Pick<Comment, 'status' | 'author' | 'distinguished' | 'stickied' | 'body'>, bots: ReadonlySet<string>): ExclusionReason | null {
  if (comment.status === 'deleted') return 'deleted';
  if (comment.status === 'removed') return 'removed';
  const author = comment.author ?? '';
  if (author.toLowerCase() === 'automoderator') return 'automoderator';
  if (comment.distinguished === 'moderator' || comment.distinguished === 'admin') return 'mod-note';
  if (comment.stickied) return 'mod-note';
  if (bots.has(author.toLowerCase()) || BOT_NAME.test(author) || BOT_SIGNATURE.test(comment.body)) return 'bot';
  if (comment.body.trim() === '') return 'empty';
  return null;
}

/** Case, whitespace and punctuation do not make a copypasta original. */
function normaliseForDuplicate(body: string): string {
  return body.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}
