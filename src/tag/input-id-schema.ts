import { z } from 'zod';

/**
 * The `id` of a JSONL input line (`reactionlens tag`, `reactionlens eval`): a string, or a number (JSON has only finite
 * ones) standing for its string form, 7 → "7".
 */
export const inputIdSchema = z.union([z.string().min(1), z.number()], { error: 'expected a string or a number' }).transform(String);
