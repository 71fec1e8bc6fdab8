import { z } from 'zod';
import { numberishSchema as numberish } from '../reddit/number-schemas.js';
import { submissionDataSchema } from '../reddit/reddit-schemas.js';

// Archive objects (Arctic Shift API answers and Arctic Shift / Pushshift dump
// lines) are Reddit objects plus `_meta`. Older dumps lack permalinks and give
// numbers as strings, so a few fields are looser than the live API's schema.

/** Arctic Shift's own annotations; only the fields we act on are kept. */
export const archiveMetaSchema = z.object({
  /** Set when the item was removed (by moderators, Reddit, or deleted by its author). */
  removal_type: z.string().nullable().optional(),
  /** The author deleted it after the archive first saw it. */
  was_deleted_later: z.boolean().nullable().optional(),
  retrieved_2nd_on: numberish.nullable().optional(),
});
export type ArchiveMeta = z.infer<typeof archiveMetaSchema>;

export const archiveSubmissionSchema = submissionDataSchema.extend({
  permalink: z.string().min(1).optional(),
  selftext: z.string().nullable().optional(),
  score: numberish.optional().default(0),
  num_comments: numberish.optional().default(0),
  created_utc: numberish,
  stickied: z.boolean().nullable().optional(),
  retrieved_on: numberish.nullable().optional(),
  retrieved_utc: numberish.nullable().optional(),
  _meta: archiveMetaSchema.nullable().optional(),
});
export type ArchiveSubmission = z.infer<typeof archiveSubmissionSchema>;

export const archiveCommentSchema = z.object({
  id: z.string().min(1),
  parent_id: z.string().min(1),
  link_id: z.string().min(1),
  subreddit: z.string().min(1),
  body: z.string(),
  author: z.string().nullable().optional(),
  score: numberish.optional().default(0),
  created_utc: numberish,
  permalink: z.string().nullable().optional(),
  edited: z.union([z.boolean(), numberish]).nullable().optional(),
  stickied: z.boolean().nullable().optional(),
  distinguished: z.string().nullable().optional(),
  depth: z.number().int().min(0).optional(),
  retrieved_on: numberish.nullable().optional(),
  retrieved_utc: numberish.nullable().optional(),
  _meta: archiveMetaSchema.nullable().optional(),
});
export type ArchiveComment = z.infer<typeof archiveCommentSchema>;

/** Every Arctic Shift API answer: `{"data": [...], "error": null}`. Items are parsed one by one afterwards. */
export const arcticShiftAnswerSchema = z.object({
  data: z.array(z.unknown()).nullable().optional(),
  error: z.string().nullable().optional(),
});
export type ArcticShiftAnswer = z.infer<typeof arcticShiftAnswerSchema>;
