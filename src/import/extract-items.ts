import { formatZodIssues } from '../errors/format-zod-issues.js';
import { type ArchiveComment, type ArchiveSubmission, archiveCommentSchema, archiveSubmissionSchema } from '../archive/archive-schemas.js';

export interface ExtractedItems {
  submissions: ArchiveSubmission[];
  /** `depth` is known when the comment came nested in a Reddit tree (its `depth` field or its nesting). */
  comments: Array<{ data: ArchiveComment; depth: number | undefined }>;
  /** Why parts of the value could not be used. */
  problems: string[];
}

/**
 * Everything a dump or saved-response line can hold, as flat Reddit objects:
 * a bare dump object (Arctic Shift / Pushshift NDJSON), a `{kind, data}` thing,
 * a Listing, a /comments/{id} answer ([Listing t3, Listing t1]) with nested
 * replies, or an Arctic Shift API answer `{"data": [...]}`. `more` stubs carry
 * no text and are passed over.
 */
export function extractItems(value: unknown): ExtractedItems {
  const out: ExtractedItems = { submissions: [], comments: [], problems: [] };
  visit(value, out, undefined, '');
  return out;
}

function visit(value: unknown, out: ExtractedItems, depth: number | undefined, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => visit(v, out, depth, `${path}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    out.problems.push(`${path || '(root)'}: not a Reddit object`);
    return;
  }
  const obj = value as Record<string, unknown>;
  const kind = obj.kind;
  if (kind === 'Listing') {
    const data = obj.data as { children?: unknown } | undefined;
    if (data === undefined || !Array.isArray(data.children)) out.problems.push(`${path || '(root)'}: Listing without data.children`);
    else visit(data.children, out, depth, `${path}.data.children`);
    return;
  }
  if (kind === 'more') return;
  if (kind === 't3') {
    addSubmission(obj.data, out, `${path}.data`);
    return;
  }
  if (kind === 't1') {
    const data = obj.data as Record<string, unknown> | undefined;
    const own = typeof data?.depth === 'number' ? data.depth : depth ?? 0;
    addComment(data, out, own, `${path}.data`);
    const replies = data?.replies;
    if (typeof replies === 'object' && replies !== null) visit(replies, out, own + 1, `${path}.data.replies`);
    return;
  }
  if (kind !== undefined) {
    out.problems.push(`${path || '(root)'}: unsupported kind ${JSON.stringify(kind)}`);
    return;
  }
  if ('link_id' in obj && 'body' in obj) {
    addComment(obj, out, typeof obj.depth === 'number' ? obj.depth : undefined, path);
    return;
  }
  if ('title' in obj) {
    addSubmission(obj, out, path);
    return;
  }
  if (Array.isArray(obj.data) && !('id' in obj)) {
    visit(obj.data, out, depth, `${path}.data`);
    return;
  }
  out.problems.push(`${path || '(root)'}: neither a submission (title) nor a comment (link_id, body)`);
}

function addSubmission(data: unknown, out: ExtractedItems, path: string): void {
  const parsed = archiveSubmissionSchema.safeParse(data);
  if (parsed.success) out.submissions.push(parsed.data);
  else out.problems.push(prefix(path, formatZodIssues(parsed.error, 3)));
}

function addComment(data: unknown, out: ExtractedItems, depth: number | undefined, path: string): void {
  const parsed = archiveCommentSchema.safeParse(data);
  if (parsed.success) out.comments.push({ data: parsed.data, depth });
  else out.problems.push(prefix(path, formatZodIssues(parsed.error, 3)));
}

function prefix(path: string, message: string): string {
  return path === '' ? message : `${path.replace(/^\./, '')}: ${message}`;
}
