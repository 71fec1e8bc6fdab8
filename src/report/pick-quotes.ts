import { DELETED_AUTHOR, NEVER_CHECKED, TAG_NAMES } from '../types.js';
import type { Comment, Cue, Quote, TagName, Thread } from '../types.js';
import { iterateByBound } from './iterate-by-bound.js';
import { decodeRedditEntities } from './decode-reddit-entities.js';
import { computeMinHash, estimateJaccard } from './min-hash.js';
import { rankingStrength, type ResolvedTags } from './resolve-tags.js';
import { liesInOwnLines, measureLongestWord, trimQuote } from './trim-quote.js';
import type { TrimmedQuote } from './trim-quote.js';
import { rankSupportingCues, writeGloss } from './write-gloss.js';
import { redactUserMentions } from './redact-user-mentions.js';
import { roundTo } from './round-to.js';
import { showPermalink } from './show-permalink.js';
import { postedByDeletedAccount, showSubreddit } from './show-subreddit.js';
import { showThreadTitle } from './show-thread-title.js';
import { linkedThreadOptions } from './title-names-user.js';
import { sanitiseDisplayText } from './sanitise-display-text.js';

/** A comment that passed screening and has tags: the only things a quote can come from. */
export interface QuoteCandidate {
  // firstQuotableAt: the feed's collected_at, read from the candidates since the quotes command holds no other comments
  comment: Comment & { statusCheckedAt?: number; firstQuotableAt?: number | null };
  thread: Thread | undefined;
  tags: ResolvedTags;
}

export interface ReportQuote extends Quote {
  /**
   * Comment id + excerpt offsets. The excerpt is centred on the tag's strongest cue, so an id changes with the text and
   * also, for a comment too long to quote whole, with a tagger version (or tag) whose strongest cue lies elsewhere.
   */
  id: string;
  /**
   * Offsets of the exact excerpt in the comment body as stored (Reddit's API form, where cue offsets
   * point); `text` is that excerpt as people read it, with Reddit's &amp; &lt; &gt; undone and, without
   * `withAuthors`, the names of mentioned users replaced by a marker (redactUserMentions): the only words changed.
   */
  excerpt: { start: number; end: number };
  words: number;
  /** The gloss is always our paraphrase, never the commenter's words. */
  glossIsParaphrase: true;
  /** Cue phrases (from the comment) behind the primary tag. */
  cuePhrases: string[];
  /** When the comment was last confirmed live (seconds), if known. */
  statusCheckedAt: number | null;
  fetchedAt: number;
  /** probability × punchiness × community signal, rounded. */
  relevance: number;
}

export interface PickOptions {
  /** Pick for one tag; omitted = overall highlights across tags. */
  tag?: TagName;
  limit: number;
  /** Minimum tag probability (after human overrides). */
  minScore?: number;
  /** Cue phrase → number of analysed comments carrying it (a gloss counts each phrase it cites that recurs, see writeGloss). */
  refrains: ReadonlyMap<string, number>;
  withAuthors: boolean;
  /** The threads the report holds: a link in a quote to one whose title names a user loses its slug (see RedactOptions). */
  threads?: ReadonlyMap<string, Pick<Thread, 'status' | 'title'>>;
}

/** Above this estimated shingle Jaccard two comments count as the same quote. */
const NEAR_DUPLICATE = 0.5;
/**
 * Two excerpts that share a run of this many consecutive words repeat each other (lines pasted into a longer
 * comment, or copypasta with a word added), even when the rest differs enough to keep their shingle Jaccard
 * low. A stock phrase in common ("I have seen this movie before") is shorter.
 */
const SHARED_RUN_WORDS = 10;
/** The most of a feed's or report's picks one thread gives while other threads have quotes left. */
const THREAD_SHARE = 0.4;
/** MMR trade-off between relevance and novelty. */
const LAMBDA = 0.6;

interface Scored {
  candidate: QuoteCandidate;
  tag: TagName;
  trimmed: TrimmedQuote;
  relevance: number;
  signature?: Uint32Array;
  /** leadPhrase, computed on first use (similarity asks for it once per pair). */
  lead?: string;
  /** The excerpt's runs of SHARED_RUN_WORDS words; computed on first use. */
  wordRuns?: ReadonlySet<string>;
  /** The excerpt's words, lower-cased (case, punctuation and quote marks aside); computed on first use. */
  words?: readonly string[];
  /** `words` joined by spaces; computed on first use. */
  joined?: string;
}

/**
 * Pick diverse, punchy quotes. Scoring is linear in the number of
 * candidates; only each tag's top K survive into the (quadratic in K) diversity
 * step, so 100k comments cost about as much as 1k. Diversity: near-duplicates
 * are collapsed (MinHash), at most one quote per author, and maximal
 * marginal relevance spreads picks across threads, subreddits and tags.
 */
export function pickQuotes(candidates: readonly QuoteCandidate[], options: PickOptions): ReportQuote[] {
  const tags = options.tag === undefined ? TAG_NAMES : [options.tag];
  const minScore = options.minScore ?? 0;
  const k = poolSizeFor(options.limit);
  // Each tag fills a pool of its own: one pool for all tags kept the top k by relevance, which weighs Reddit's score,
  // so in a big event a stance voiced in low-score comments had no candidate left in it and selectDiverse could not
  // quote it however it spreads the tags
  const pool = tags.flatMap((tag) => fillPool(candidates, tag, minScore, k)).sort(compareScored);
  const picked = selectDiverse(pool, options.limit, options.tag === undefined);
  return picked.map((s) => toQuote(s, options));
}

/** How many of each tag's candidates reach the diversity step: room to skip duplicates and same-author comments; capped so a big feed stays fast. */
export function poolSizeFor(limit: number): number {
  return Math.min(5_000, Math.max(60, limit * 15));
}

/**
 * The candidates pickQuotes can pick from, kept as they come, without the ones it can never reach: pickQuotes over
 * `list()` gives exactly what it gives over every candidate added, for any limit whose poolSizeFor is at most `k`, for
 * these tags (any one of them, or all) and this minScore. The report commands read an event a page at a time and keep
 * only these (a few hundred for a report) instead of every tagged comment with its text.
 *
 * Why it is exact: fillPool walks a tag's candidates by their bound (tag strength × community signal, which a candidate's
 * relevance never exceeds) and stops at the first bound at or below the k-th best relevance found so far. Here each
 * tag keeps the k best relevances among the candidates scored so far; a candidate whose bound is below the k-th of
 * them is dropped for that tag. When fillPool's walk reaches such a candidate, it has already scored those k
 * candidates (their bounds are higher), so its own floor is at least as high and it stops there, never taking it, and
 * without it stops at the next candidate, with the same pool. A candidate dropped for every tag is not kept.
 */
export class QuoteCandidatePool {
  private readonly tags: readonly TagName[];
  private readonly minScore: number;
  private readonly k: number;
  /** Per tag, a min-heap of the k best relevances scored so far: its top is the floor a bound must reach. */
  private readonly best: Float64Array[];
  private readonly sizes: number[];
  private kept: Array<{ candidate: QuoteCandidate; bounds: number[] }> = [];
  private pruneAt = 1024;

  constructor(options: { tag?: TagName; minScore?: number; k: number }) {
    this.tags = options.tag === undefined ? TAG_NAMES : [options.tag];
    this.minScore = options.minScore ?? 0;
    this.k = options.k;
    this.best = this.tags.map(() => new Float64Array(options.k));
    this.sizes = this.tags.map(() => 0);
  }

  add(candidate: QuoteCandidate): void {
    const bounds: number[] = [];
    let needed = false;
    this.tags.forEach((tag, t) => {
      const resolved = candidate.tags[tag];
      if (!resolved.label || resolved.score < this.minScore || resolved.score <= 0) {
        bounds.push(-Infinity);
        return;
      }
      const bound = rankingStrength(resolved) * communitySignal(candidate.comment.score);
      bounds.push(bound);
      if (bound < this.floor(t)) return;
      needed = true;
      const scored = scoreCandidate(candidate, tag);
      if (scored !== undefined) this.offer(t, scored.relevance);
    });
    if (!needed) return;
    this.kept.push({ candidate, bounds });
    if (this.kept.length >= this.pruneAt) {
      this.prune();
      this.pruneAt = Math.max(1024, 2 * this.kept.length);
    }
  }

  /** The candidates kept, in the order they were added. */
  list(): QuoteCandidate[] {
    this.prune();
    return this.kept.map((entry) => entry.candidate);
  }

  private prune(): void {
    this.kept = this.kept.filter((entry) => entry.bounds.some((bound, t) => bound >= this.floor(t)));
  }

  private floor(t: number): number {
    return this.sizes[t] === this.k ? (this.best[t]?.[0] ?? -Infinity) : -Infinity;
  }

  /** Put a relevance into tag t's heap of the k best. */
  private offer(t: number, relevance: number): void {
    const heap = this.best[t]!;
    const size = this.sizes[t]!;
    if (size < this.k) {
      let i = size;
      heap[i] = relevance;
      while (i > 0 && heap[(i - 1) >> 1]! > heap[i]!) {
        const up = (i - 1) >> 1;
        [heap[up], heap[i]] = [heap[i]!, heap[up]!];
        i = up;
      }
      this.sizes[t] = size + 1;
      return;
    }
    if (!(relevance > heap[0]!)) return;
    heap[0] = relevance;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let low = i;
      if (l < size && heap[l]! < heap[low]!) low = l;
      if (r < size && heap[r]! < heap[low]!) low = r;
      if (low === i) return;
      [heap[low], heap[i]] = [heap[i]!, heap[low]!];
      i = low;
    }
  }
}

/**
 * The top k of one tag's (comment, tag) pairs by relevance. Each pair's upper bound (punchiness at its maximum of 1)
 * orders the trimming, the costly part, which stops once no remaining bound can beat the current top k: exact top k
 * without trimming every comment.
 */
function fillPool(candidates: readonly QuoteCandidate[], tag: TagName, minScore: number, k: number): Scored[] {
  const entries: QuoteCandidate[] = [];
  const raw: number[] = [];
  for (const candidate of candidates) {
    const resolved = candidate.tags[tag];
    if (!resolved.label || resolved.score < minScore || resolved.score <= 0) continue;
    entries.push(candidate);
    raw.push(rankingStrength(resolved) * communitySignal(candidate.comment.score));
  }
  const pool: Scored[] = [];
  for (const index of iterateByBound(Float64Array.from(raw))) {
    const candidate = entries[index];
    const bound = raw[index] ?? 0;
    if (candidate === undefined) continue;
    const floor = pool.length >= k ? (pool[k - 1]?.relevance ?? 0) : -1;
    if (bound <= floor) break;
    const s = scoreCandidate(candidate, tag);
    if (s === undefined || s.relevance < floor) continue;
    insertSorted(pool, s, k);
  }
  return pool;
}

/** Keep `pool` sorted best-first and at most k long (k is small: insertion is cheap). */
function insertSorted(pool: Scored[], s: Scored, k: number): void {
  let i = pool.length;
  while (i > 0 && compareScored(s, pool[i - 1] as Scored) < 0) i--;
  pool.splice(i, 0, s);
  if (pool.length > k) pool.pop();
}

/** Log of the score at fetch: upvotes matter, but a 5,000-point comment is not 100× a 50-point one. */
function communitySignal(score: number): number {
  return 1 + Math.log1p(Math.max(0, score));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scoreCandidate(candidate: QuoteCandidate, tag: TagName): Scored | undefined {
  const resolved = candidate.tags[tag];
  const trimmed = trimAroundCue(candidate.comment.body, resolved.cues);
  if (trimmed === null) return undefined;
  const punch = ratePunchiness(trimmed);
  if (punch <= 0) return undefined;
  return { candidate, tag, trimmed, relevance: rankingStrength(resolved) * punch * communitySignal(candidate.comment.score) };
}

/**
 * Centre the excerpt on the strongest supporting cue so the quote shows what the tag is about. When that cue
 * cannot be shown (it sits in the parent's `>` lines, or spans a cut), try the next strongest, so the gloss can
 * cite words the reader actually sees; when none can be shown, keep the first excerpt and the gloss cites nothing.
 * But when every supporting cue sits in lines quoting the parent (the tagger masks `>` lines, yet a line continuing
 * one, which Reddit shows inside the quote, may hold its cue), the commenter's own lines say nothing the tag is about:
 * the comment is not quoted for it, rather than quoted by words of theirs that show none of it.
 */
function trimAroundCue(body: string, cues: readonly Cue[]): TrimmedQuote | null {
  const supporting = rankSupportingCues(cues);
  const first = trimQuote(body, supporting[0]?.start ?? 0);
  if (first === null || supporting.length === 0 || pickCuesInside(supporting, first).length > 0) return first;
  for (const cue of supporting.slice(1)) {
    const trimmed = trimQuote(body, cue.start);
    if (trimmed !== null && pickCuesInside(supporting, trimmed).length > 0) return trimmed;
  }
  if (!supporting.some((cue) => liesInOwnLines(body, cue.start))) return null;
  return first;
}

/** The cues whose whole span lies inside the excerpt: the only ones a gloss or cue list may cite. */
export function pickCuesInside(cues: readonly Cue[], excerpt: { start: number; end: number }): Cue[] {
  return cues.filter((c) => c.start >= excerpt.start && c.end <= excerpt.end);
}

/**
 * The cues no other cue's span holds: `"holding the bag"` (scare quotes) and `holding the bag` inside it, or "holding the
 * debt" and its "debt", are one phrase to a reader, listed once as the longer.
 */
export function dropNestedCues(cues: readonly Cue[]): Cue[] {
  return cues.filter((c) => !cues.some((o) => o.start <= c.start && c.end <= o.end && o.end - o.start > c.end - c.start));
}

/** Short, self-contained, readable: 1 for 8–25 words, less for fragments, links, walls of text. */
export function ratePunchiness(trimmed: TrimmedQuote): number {
  const w = trimmed.words;
  let punch = w < 8 ? 0.6 + (0.4 * (w - 4)) / 4 : w <= 25 ? 1 : 1 - (0.4 * (w - 25)) / 15;
  if (trimmed.text.startsWith('…') || trimmed.text.endsWith('…')) punch *= 0.85;
  if (/^(and|but|or|also|this|that|it)\b/i.test(trimmed.excerpt)) punch *= 0.85; // leans on context we don't show
  if (/^\s*(>|&gt;)/.test(trimmed.excerpt)) punch *= 0.5; // quoting someone else
  if (/https?:\/\//i.test(trimmed.excerpt)) punch *= 0.6;
  if (measureLongestWord(trimmed.excerpt) > 30) punch *= 0.5; // a URL or a keyboard mash
  return punch;
}

function compareScored(a: Scored, b: Scored): number {
  return b.relevance - a.relevance || compareIds(a.candidate.comment.id, b.candidate.comment.id) || compareIds(a.tag, b.tag);
}

/**
 * Greedy MMR. Each round updates every remaining candidate against the one
 * just picked only (its running max similarity and whether it is now
 * blocked), so the whole selection is O(pool × limit), not O(pool × limit²).
 */
function selectDiverse(pool: Scored[], limit: number, spreadTags: boolean): Scored[] {
  const picked: Scored[] = [];
  const top = pool[0]?.relevance ?? 0;
  if (top <= 0) return picked;
  const states = pool.map((s) => ({ s, maxSim: 0, blocked: false }));
  // MMR's thread penalty is soft: a thread with half the comments still filled 15 of 20 picks. No thread gives more
  // than THREAD_SHARE of them while another thread has a quote left; after that, the best of what remains
  const cap = Math.max(2, Math.ceil(limit * THREAD_SHARE));
  const perThread = new Map<string, number>();
  let capped = true;
  // Every stance with a quotable comment is quoted once before any is quoted twice: relevance weighs the comment's
  // Reddit score, so without this a stance voiced in high-score comments filled the highlights (three distrust
  // quotes for 5 % of comments, none for the 21 % warning of a bubble) and the quotes misread the mood
  const quotedTags = new Set<TagName>();
  let covering = spreadTags;
  while (picked.length < limit) {
    let best: (typeof states)[number] | undefined;
    let bestValue = -Infinity;
    for (const st of states) {
      if (st.blocked) continue;
      if (covering && quotedTags.has(st.s.tag)) continue;
      if (capped && (perThread.get(st.s.candidate.comment.threadId) ?? 0) >= cap) continue;
      const value = LAMBDA * (st.s.relevance / top) - (1 - LAMBDA) * st.maxSim;
      if (value > bestValue || (value === bestValue && best !== undefined && compareScored(st.s, best.s) < 0)) {
        best = st;
        bestValue = value;
      }
    }
    if (best === undefined) {
      // every stance quoted, or the ones left have no quote outside threads at the cap: the cover yields to the cap
      if (covering) {
        covering = false;
        continue;
      }
      if (!capped) break;
      capped = false;
      continue;
    }
    best.blocked = true;
    picked.push(best.s);
    quotedTags.add(best.s.tag);
    perThread.set(best.s.candidate.comment.threadId, (perThread.get(best.s.candidate.comment.threadId) ?? 0) + 1);
    for (const st of states) {
      if (st.blocked) continue;
      if (isRedundant(st.s, best.s)) st.blocked = true;
      else st.maxSim = Math.max(st.maxSim, similarity(st.s, best.s, spreadTags));
    }
  }
  return picked;
}

/** Same comment, same author, a near-duplicate text or a long run of the same words: never two of these. */
function isRedundant(s: Scored, p: Scored): boolean {
  if (p.candidate.comment.id === s.candidate.comment.id) return true;
  const author = authorKey(s);
  if (author !== null && author === authorKey(p)) return true;
  if (estimateJaccard(signatureOf(s), signatureOf(p)) >= NEAR_DUPLICATE) return true;
  const theirs = wordRunsOf(p);
  for (const run of wordRunsOf(s)) if (theirs.has(run)) return true;
  // a short quote too short for a shared run: all of it inside the other ("Ngl, circular financing, but make it a
  // press release." picked again inside a longer comment that says it)
  return isWordsInside(s, p) || isWordsInside(p, s);
}

/** Whether all of `a`'s excerpt, as words (at least three), occurs in `b`'s. */
function isWordsInside(a: Scored, b: Scored): boolean {
  if (wordsOf(a).length < 3) return false;
  return ` ${joinedWordsOf(b)} `.includes(` ${joinedWordsOf(a)} `);
}

function wordsOf(s: Scored): readonly string[] {
  s.words ??= s.trimmed.excerpt.toLowerCase().match(/[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu) ?? [];
  return s.words;
}

function joinedWordsOf(s: Scored): string {
  s.joined ??= wordsOf(s).join(' ');
  return s.joined;
}

/** Every run of SHARED_RUN_WORDS consecutive words of the excerpt, compared by the words only (case, punctuation and quote marks aside). */
function wordRunsOf(s: Scored): ReadonlySet<string> {
  if (s.wordRuns === undefined) {
    const words = wordsOf(s);
    const out = new Set<string>();
    for (let i = 0; i + SHARED_RUN_WORDS <= words.length; i++) out.add(words.slice(i, i + SHARED_RUN_WORDS).join(' '));
    s.wordRuns = out;
  }
  return s.wordRuns;
}

function similarity(s: Scored, p: Scored, spreadTags: boolean): number {
  let sim = estimateJaccard(signatureOf(s), signatureOf(p));
  if (p.candidate.comment.threadId === s.candidate.comment.threadId) sim = Math.max(sim, 0.35);
  if (subredditOf(p.candidate) === subredditOf(s.candidate)) sim = Math.max(sim, 0.15);
  if (spreadTags && p.tag === s.tag) sim = Math.max(sim, leadPhrase(p) === leadPhrase(s) ? 0.6 : 0.25);
  return sim;
}

/** The strongest supporting cue of the quote's tag: two quotes making the same point through the same phrase add little. */
function leadPhrase(s: Scored): string {
  if (s.lead === undefined) {
    const cue = rankSupportingCues(s.candidate.tags[s.tag].cues)[0];
    s.lead = cue === undefined ? `#${s.candidate.comment.id}` : cue.text.toLowerCase();
  }
  return s.lead;
}

function signatureOf(s: Scored): Uint32Array {
  s.signature ??= computeMinHash(s.trimmed.excerpt);
  return s.signature;
}

function authorKey(s: Scored): string | null {
  const author = s.candidate.comment.author;
  // the comments of deleted accounts are not one author's
  return author === null || author === '' || author === DELETED_AUTHOR ? null : author.toLowerCase();
}

/**
 * Four places, and below 1 unless a reviewer's correction made it 1. The tagger's own score is never one: it rounds to
 * four places itself, so a model without a ceiling (older taggers, `ceiling: false`) gives a strongly cued comment
 * exactly 1, which is no more certain than 0.99997.
 */
function roundProbability(tag: { score: number; overridden?: boolean }): number {
  if (tag.overridden === true) return tag.score;
  return Math.min(roundTo(tag.score, 4), 0.9999);
}

export function subredditOf(candidate: { comment: Comment; thread: Thread | undefined }): string {
  if (candidate.thread !== undefined) return candidate.thread.subreddit;
  return /\/r\/([^/]+)\//.exec(candidate.comment.permalink)?.[1] ?? 'unknown';
}

function toQuote(s: Scored, options: PickOptions): ReportQuote {
  const { comment, thread, tags } = s.candidate;
  // a deleted account's name is never shown: not as the profile its post is on either, whatever the options
  const profile = { withAuthors: options.withAuthors, deletedAccount: postedByDeletedAccount(thread, comment) };
  const subreddit = showSubreddit(subredditOf(s.candidate), profile);
  const primary = tags[s.tag];
  // Every word shown from the comment goes through here: without --with-authors, the names it mentions do not. Invisible
  // and bidi control characters go here too, not in each renderer, so the JSON (report, feed, comparison) carries the
  // words the CSV, Markdown and HTML show: a writer pasting from any of them gets the same quote, and no U+202E
  const linked = linkedThreadOptions(options.threads);
  const show = (text: string): string => sanitiseDisplayText(options.withAuthors ? text : redactUserMentions(text, linked));
  // A gloss or cue phrase the reader cannot find in the quote would claim words the excerpt does not show.
  const shownCues = pickCuesInside(primary.cues, s.trimmed);
  const cuePhrases = [...new Set(dropNestedCues(shownCues).map((c) => show(decodeRedditEntities(c.text))))];
  const scores = {} as Record<TagName, number>;
  const labels = {} as Record<TagName, boolean>;
  for (const tag of TAG_NAMES) {
    scores[tag] = roundProbability(tags[tag]);
    labels[tag] = tags[tag].label;
  }
  const quote: ReportQuote = {
    id: `${comment.id}:${s.trimmed.start}-${s.trimmed.end}`,
    commentId: comment.id,
    text: show(decodeRedditEntities(s.trimmed.text)),
    excerpt: { start: s.trimmed.start, end: s.trimmed.end },
    words: s.trimmed.words,
    gloss: show(writeGloss(s.tag, shownCues, options.refrains, primary.overridden === true)),
    glossIsParaphrase: true,
    tags: scores,
    labels,
    primaryTag: s.tag,
    cuePhrases,
    attribution: `Reddit, r/${subreddit}`,
    subreddit,
    permalink: showPermalink(comment.permalink, thread, profile),
    threadId: comment.threadId,
    threadTitle: showThreadTitle(thread, options),
    createdUtc: comment.createdUtc,
    score: comment.score,
    // a copy from an archive or a dump that Reddit has not confirmed since has no check time to show
    statusCheckedAt: comment.statusCheckedAt === undefined || comment.statusCheckedAt === NEVER_CHECKED ? null : comment.statusCheckedAt,
    fetchedAt: comment.fetchedAt,
    relevance: roundTo(s.relevance, 4),
  };
  // a deleted account has no name to show ("u/[deleted]" would name no one)
  if (options.withAuthors && comment.author !== null && comment.author !== DELETED_AUTHOR) quote.author = comment.author;
  return quote;
}
