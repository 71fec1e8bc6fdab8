import { z } from 'zod';
import { formatZodIssues } from '../errors/format-zod-issues.js';
import { describeValue, numberishSchema as numberish, numberSchema } from './number-schemas.js';

// Reddit API shapes, as served with raw_json=1. Unknown extra fields are
// dropped (zod strips them); fields Reddit sometimes omits are optional.

const editedSchema = z
  .union([z.boolean(), z.number()], { error: (issue) => `expected false or an edit time in seconds, received ${describeValue(issue.input)}` })
  .optional()
  .default(false);

export const submissionDataSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  subreddit: z.string().min(1),
  title: z.string(),
  selftext: z.string().optional().default(''),
  url: z.string().optional(),
  permalink: z.string().min(1),
  created_utc: numberish,
  score: numberSchema.optional().default(0),
  num_comments: numberSchema.optional().default(0),
  author: z.string().nullable().optional(),
  removed_by_category: z.string().nullable().optional(),
  stickied: z.boolean().optional().default(false),
});
export type SubmissionData = z.infer<typeof submissionDataSchema>;

export const moreDataSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  parent_id: z.string(),
  count: numberSchema.optional().default(0),
  depth: numberSchema.optional(),
  children: z.array(z.string()).default([]),
});
export type MoreData = z.infer<typeof moreDataSchema>;

export interface CommentData {
  id: string;
  name?: string | undefined;
  parent_id: string;
  link_id: string;
  subreddit: string;
  body: string;
  author?: string | null | undefined;
  score: number;
  created_utc: number;
  permalink?: string | undefined;
  edited: boolean | number;
  stickied: boolean;
  distinguished?: string | null | undefined;
  depth?: number | undefined;
  replies: Listing<ReplyThing> | '' | undefined;
}

export interface Listing<T> {
  kind: 'Listing';
  data: { after: string | null; before?: string | null | undefined; children: T[] };
}
export interface CommentThing {
  kind: 't1';
  data: CommentData;
}
export interface MoreThing {
  kind: 'more';
  data: MoreData;
}
export interface SubmissionThing {
  kind: 't3';
  data: SubmissionData;
}

/**
 * A comment or `more` entry that does not have the shape we expect. It is not the end of its listing:
 * the thread's other comments are still read, this one becomes a skip record naming its id and field,
 * and its replies (when they can be read) are kept.
 */
export interface InvalidThing {
  kind: 'invalid';
  id: string | null;
  reason: string;
  replies: Listing<ReplyThing> | null;
  /** Where it was read, when the reader knows better than the API path (a recorded fixture file). */
  source?: string;
}

/** What a comment listing holds. */
export type ReplyThing = CommentThing | MoreThing | InvalidThing;

export function listingSchema<T extends z.ZodTypeAny>(child: T) {
  return z.object({
    kind: z.literal('Listing'),
    data: z.object({
      after: z.string().nullable().optional().default(null),
      before: z.string().nullable().optional(),
      children: z.array(child),
    }),
  });
}

export const moreThingSchema = z.object({ kind: z.literal('more'), data: moreDataSchema });

// Comments nest through `replies`, so the schema is recursive.
export const commentThingSchema: z.ZodType<CommentThing> = z.lazy(() =>
  z.object({
    kind: z.literal('t1'),
    data: z.object({
      id: z.string().min(1),
      name: z.string().optional(),
      parent_id: z.string().min(1),
      link_id: z.string().min(1),
      subreddit: z.string().min(1),
      body: z.string(),
      author: z.string().nullable().optional(),
      score: numberSchema.optional().default(0),
      created_utc: numberish,
      permalink: z.string().optional(),
      edited: editedSchema,
      stickied: z.boolean().optional().default(false),
      distinguished: z.string().nullable().optional(),
      depth: numberSchema.optional(),
      replies: z.union([z.literal(''), replyListingSchema]).optional(),
    }),
  }),
) as unknown as z.ZodType<CommentThing>;

const replyListingSchema: z.ZodType<Listing<ReplyThing>> = z.lazy(() => listingSchema(replyThingSchema)) as unknown as z.ZodType<Listing<ReplyThing>>;

function toInvalidThing(value: unknown, issues: z.core.$ZodIssue[]): InvalidThing {
  const data = typeof value === 'object' && value !== null ? (value as { data?: unknown }).data : undefined;
  const fields = typeof data === 'object' && data !== null ? (data as { id?: unknown; replies?: unknown }) : {};
  const replies = fields.replies === undefined || fields.replies === '' ? undefined : replyListingSchema.safeParse(fields.replies);
  return {
    kind: 'invalid',
    id: typeof fields.id === 'string' && fields.id !== '' ? fields.id : null,
    reason: formatZodIssues(new z.ZodError(issues)),
    replies: replies?.success === true ? replies.data : null,
  };
}

/** One entry of a comment listing: a comment, a `more` stub, or (when neither shape fits) an InvalidThing. */
const replyThingSchema: z.ZodType<ReplyThing> = z
  .union([commentThingSchema, moreThingSchema])
  // zod types a catch value as the caught schema's output; the InvalidThing is widened back by the cast
  .catch((ctx) => toInvalidThing(ctx.value, ctx.error.issues) as unknown as CommentThing) as unknown as z.ZodType<ReplyThing>;

export const submissionThingSchema = z.object({ kind: z.literal('t3'), data: submissionDataSchema });

/** GET /search, /r/{sub}/search */
export const searchListingSchema = listingSchema(submissionThingSchema);
export type SearchListing = z.infer<typeof searchListingSchema>;

/** GET /comments/{id} and /comments/{id}/_/{comment}: [Listing(t3), Listing(t1 | more)] */
export const commentsResponseSchema = z.tuple([listingSchema(submissionThingSchema), listingSchema(replyThingSchema)]);
export type CommentsResponse = z.infer<typeof commentsResponseSchema>;

/** GET /api/morechildren?api_type=json: a flat list of things with parent_id. */
export const moreChildrenResponseSchema = z.object({
  json: z.object({
    errors: z.array(z.unknown()).optional().default([]),
    data: z
      .object({ things: z.array(replyThingSchema) })
      .optional()
      .default({ things: [] }),
  }),
});
export type MoreChildrenResponse = z.infer<typeof moreChildrenResponseSchema>;

/**
 * An /api/info entry that does not have the shape we expect. It is not the end of its listing: the other
 * entries are still read, this one becomes a skip record naming its id and field. Its body and author are
 * kept when they still read as strings, so a deletion re-check can see Reddit's "[deleted]"/"[removed]".
 */
export interface InvalidInfoThing {
  kind: 'invalid';
  id: string | null;
  reason: string;
  body: string | null;
  author: string | null | undefined;
}

/** What an /api/info listing holds. */
export type InfoThing = CommentThing | SubmissionThing | InvalidInfoThing;

function toInvalidInfoThing(value: unknown, issues: z.core.$ZodIssue[]): InvalidInfoThing {
  const data = typeof value === 'object' && value !== null ? (value as { data?: unknown }).data : undefined;
  const fields = typeof data === 'object' && data !== null ? (data as { id?: unknown; body?: unknown; author?: unknown }) : {};
  return {
    kind: 'invalid',
    id: typeof fields.id === 'string' && fields.id !== '' ? fields.id : null,
    reason: formatZodIssues(new z.ZodError(issues)),
    body: typeof fields.body === 'string' ? fields.body : null,
    author: typeof fields.author === 'string' || fields.author === null ? fields.author : undefined,
  };
}

/** One entry of an /api/info listing: a comment, a submission, or (when neither shape fits) an InvalidInfoThing. */
const infoThingSchema: z.ZodType<InfoThing> = z
  .union([commentThingSchema, submissionThingSchema])
  // as for replyThingSchema: the InvalidInfoThing is widened back by the cast
  .catch((ctx) => toInvalidInfoThing(ctx.value, ctx.error.issues) as unknown as CommentThing) as unknown as z.ZodType<InfoThing>;

/** GET /api/info?id=t1_…,t3_… */
export const infoListingSchema = listingSchema(infoThingSchema);
export type InfoListing = z.infer<typeof infoListingSchema>;
