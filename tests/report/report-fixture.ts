import type {
  Comment,
  Cue,
  EventConfig,
  ExclusionReason,
  LabelOverride,
  RunRecord,
  ScreenedComment,
  TagName,
  TagResult,
  Thread,
} from '../../src/types.js';
import { emptyRunCounts } from '../../src/types.js';
import type { ReportComment, ReportInput } from '../../src/report/build-report.js';

// Small hand-written inputs: the golden files depend on these, not on the
// tagger's current model, so retraining the tagger does not churn them.

export const EVENT: EventConfig = {
  id: 'amazon-openai-2025-12',
  title: 'Amazon weighs a $10B+ investment in OpenAI tied to Trainium chips',
  description: 'Reports that Amazon was in talks to invest at least $10 billion in OpenAI.',
  window: { from: Date.UTC(2025, 11, 16) / 1000, to: Date.UTC(2025, 11, 31, 23, 59, 59) / 1000 },
  queries: ['amazon openai'],
  subreddits: ['technology', 'stocks', 'wallstreetbets'],
  seedThreads: [], bots: [],
  configHash: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
};

export const T0 = Date.UTC(2025, 11, 16, 14, 0) / 1000;
const FETCHED = Date.UTC(2025, 11, 18, 3, 0) / 1000;

export function makeThread(id: string, subreddit: string, title: string, extra: Partial<Thread> = {}): Thread {
  return {
    id,
    subreddit,
    title,
    selftext: '',
    url: `https://www.reddit.com/r/${subreddit}/comments/${id}/slug/`,
    permalink: `https://www.reddit.com/r/${subreddit}/comments/${id}/slug/`,
    createdUtc: T0,
    score: 1000,
    numComments: 10,
    author: 'op_user',
    status: 'live',
    fetchedAt: FETCHED,
    ...extra,
  };
}

export function makeComment(id: string, thread: Thread, body: string, extra: Partial<ReportComment> = {}): ReportComment {
  return {
    id,
    threadId: thread.id,
    parentId: null,
    depth: 0,
    body,
    score: 10,
    createdUtc: T0 + 600,
    permalink: `https://www.reddit.com/r/${thread.subreddit}/comments/${thread.id}/slug/${id}/`,
    editedUtc: null,
    status: 'live',
    stickied: false,
    distinguished: null,
    author: `user_${id}`,
    fetchedAt: FETCHED,
    statusCheckedAt: FETCHED,
    ...extra,
  };
}

/** A tag result whose cues are found in the body, so offsets are real. */
export function makeTags(
  comment: Comment,
  scores: Partial<Record<TagName, { score: number; cues?: string[]; strength?: number }>>,
  tagger = 'tagger-test-1',
): TagResult {
  const tag = (name: TagName) => {
    const s = scores[name];
    const cues: Cue[] = (s?.cues ?? []).map((text) => {
      const start = comment.body.toLowerCase().indexOf(text.toLowerCase());
      if (start < 0) throw new Error(`cue "${text}" not in ${comment.id}`);
      return { start, end: start + text.length, text: comment.body.slice(start, start + text.length), cue: text, weight: 1 };
    });
    return { score: s?.score ?? 0.05, label: (s?.score ?? 0) >= 0.5, cues, ...(s?.strength === undefined ? {} : { strength: s.strength }) };
  };
  return { commentId: comment.id, tagger, tags: { cynicism: tag('cynicism'), distrust: tag('distrust'), bubble_caution: tag('bubble_caution') } };
}

export function buildFixtureInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const tech = makeThread('t1', 'technology', 'Amazon in talks to invest $10B in OpenAI');
  const stocks = makeThread('t2', 'stocks', 'AMZN to put $10 billion into OpenAI, OpenAI to use Trainium');
  const wsb = makeThread('t3', 'wallstreetbets', 'OpenAI money printer goes brrr');
  const threads = [tech, stocks, wsb];
  const screened: Array<ScreenedComment & { comment: ReportComment }> = [];
  const tags = new Map<string, TagResult>();
  const add = (
    comment: ReportComment,
    scores: Partial<Record<TagName, { score: number; cues?: string[] }>> | null,
    excluded: ExclusionReason | null = null,
  ): void => {
    screened.push({ comment, excluded });
    if (scores !== null) tags.set(comment.id, makeTags(comment, scores));
  };
  add(makeComment('c1', tech, 'This is circular financing again. Amazon pays OpenAI, OpenAI pays AWS. Nobody asks where the money actually comes from.', { score: 412 }), {
    cynicism: { score: 0.91, cues: ['circular financing'] },
    bubble_caution: { score: 0.62, cues: ['where the money actually comes from'] },
  });
  add(makeComment('c2', tech, 'Same money going around in a circle, just like the Nvidia deal. Circular financing with extra steps.', { score: 120 }), {
    cynicism: { score: 0.84, cues: ['circular financing'] },
  });
  add(makeComment('c3', stocks, 'I would not trust a word Altman says about compute commitments. He has promised 10x more than he can pay for.', { score: 88 }), {
    distrust: { score: 0.88, cues: ["not trust a word"] },
  });
  add(makeComment('c4', stocks, 'Valuations like this are how 1999 felt. When the music stops a lot of people will be holding the bag.', { score: 230 }), {
    bubble_caution: { score: 0.93, cues: ['1999', 'holding the bag'] },
  });
  add(makeComment('c5', wsb, 'Calls on AMZN, puts on my retirement.', { score: 51 }), { cynicism: { score: 0.3 } });
  add(makeComment('c6', wsb, 'Circular financing lol. The bubble is so obvious even my barber is asking about it.', { score: 64 }), {
    cynicism: { score: 0.77, cues: ['circular financing'] },
    bubble_caution: { score: 0.71, cues: ['bubble'] },
  });
  add(makeComment('c7', tech, 'Good for them, Trainium needs a big customer.', { score: 12 }), {});
  add(makeComment('c8', stocks, 'Seems like a reasonable hedge for Amazon given Microsoft already owns a big chunk.', { score: 40 }), {});
  add(makeComment('c9', tech, '', { status: 'deleted', author: null, score: 3 }), null, 'deleted');
  add(makeComment('c10', stocks, '', { status: 'removed', author: null, score: 1 }), null, 'removed');
  add(makeComment('c11', tech, 'Your post has been removed because it is a circular financing bubble scam.', { author: 'AutoModerator', stickied: true, score: 1 }), {
    cynicism: { score: 0.95, cues: ['circular financing'] },
  }, 'automoderator');
  add(makeComment('c12', wsb, 'Beep boop, this circular financing bubble has been tracked by RemindMeBot.', { author: 'RemindMeBot', score: 2 }), {
    cynicism: { score: 0.92, cues: ['circular financing'] },
  }, 'bot');
  // Tagger says cynical, a reviewer said no: must not be quoted as cynical nor counted.
  add(makeComment('c13', stocks, 'Honestly the circular financing talk is overblown, both firms have real revenue.', { score: 300 }), {
    cynicism: { score: 0.81, cues: ['circular financing'] },
  });
  // Same author as c1: at most one quote per author.
  add(makeComment('c14', tech, 'The people running OpenAI have lied before and they will lie again about this.', { score: 150, author: 'user_c1' }), {
    distrust: { score: 0.9, cues: ['lied before'] },
  });
  const labels = new Map<string, LabelOverride>([
    ['c13', { commentId: 'c13', labels: { cynicism: false }, createdAt: FETCHED, note: 'sceptical of the sceptics' }],
  ]);
  const runs: RunRecord[] = [
    {
      id: 'run-2025-12-18',
      eventId: EVENT.id,
      source: 'fixtures',
      startedAt: FETCHED - 60,
      finishedAt: FETCHED,
      window: EVENT.window,
      queries: EVENT.queries,
      counts: emptyRunCounts(),
      skipped: [],
      errors: [],
      status: 'ok',
    },
  ];
  return {
    event: EVENT,
    threads,
    screened,
    tags,
    labels,
    tagger: 'tagger-test-1',
    runs,
    options: { withAuthors: false },
    ...overrides,
  };
}
