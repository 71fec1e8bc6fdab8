import { z } from 'zod';

// Reddit API shapes, as served with raw_json=1. Unknown extra fields are
// dropped (zod strips them); fields Reddit sometimes omits are optional.

const editedSchema = z.union([z.boolean(), z.number()]).optional().default(false);
const numberish = z.union([z.number(), z.string().regex(/^-?\d+(?:\.\d+)?$/, 'expected a number').transform(Number)]);

export const submissionDataSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  subreddit: z.string().min(1),
  title: z.string(),
  selftext: z.string().optional().default(''),
  url: z.string().optional(),
  permalink: z.string().min(1),
  created_utc: numberish,
  score: z.number().optional().default(0),
  num_comments: z.number().optional().default(0),
  author: z.string().nullable().optional(),
  removed_by_category: z.string().nullable().optional(),
  stickied: z.boolean().optional().default(false),
});
export type SubmissionData = z.infer<typeof submissionDataSchema>;

export const moreDataSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  parent_id: z.string(),
  count: z.number().optional().default(0),
  depth: z.number().optional(),
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
  replies: Listing<CommentThing | MoreThing> | '' | undefined;
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
      score: z.number().optional().default(0),
      created_utc: numberish,
      permalink: z.string().optional(),
      edited: editedSchema,
      stickied: z.boolean().optional().default(false),
      distinguished: z.string().nullable().optional(),
      depth: z.number().optional(),
      replies: z.union([z.literal(''), replyListingSchema]).optional(),
    }),
  }),
) as unknown as z.ZodType<CommentThing>;

const replyListingSchema: z.ZodType<Listing<CommentThing | MoreThing>> = z.lazy(() =>
  listingSchema(z.union([commentThingSchema, moreThingSchema])),
) as unknown as z.ZodType<Listing<CommentThing | MoreThing>>;

export const submissionThingSchema = z.object({ kind: z.literal('t3'), data: submissionDataSchema });

/** GET /search, /r/{sub}/search */
export const searchListingSchema = listingSchema(submissionThingSchema);
export type SearchListing = z.infer<typeof searchListingSchema>;

/** GET /comments/{id} and /comments/{id}/_/{comment}: [Listing(t3), Listing(t1 | more)] */
export const commentsResponseSchema = z.tuple([
  listingSchema(submissionThingSchema),
  listingSchema(z.union([commentThingSchema, moreThingSchema])),
]);
export type CommentsResponse = z.infer<typeof commentsResponseSchema>;

/** GET /api/morechildren?api_type=json: a flat list of things with parent_id. */
export const moreChildrenResponseSchema = z.object({
  json: z.object({
    errors: z.array(z.unknown()).optional().default([]),
    data: z
      .object({ things: z.array(z.union([commentThingSchema, moreThingSchema])) })
      .optional()
      .default({ things: [] }),
  }),
});
export type MoreChildrenResponse = z.infer<typeof moreChildrenResponseSchema>;

/** GET /api/info?id=t1_…,t3_… */
export const infoListingSchema = listingSchema(z.union([commentThingSchema, submissionThingSchema]));
export type InfoListing = z.infer<typeof infoListingSchema>;
