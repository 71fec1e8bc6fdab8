import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** "field.path: message; other.path: message" — names the field, for error lines a person reads. */
export function formatZodIssues(error: z.ZodError, maxIssues = 5): string {
  const issues = error.issues.flatMap((issue) => explainIssue(issue, []));
  const parts = issues.slice(0, maxIssues).map(({ path, message }) => `${path.length > 0 ? path.join('.') : '(root)'}: ${message}`);
  const more = issues.length - maxIssues;
  return more > 0 ? `${parts.join('; ')}; and ${more} more` : parts.join('; ');
}

/**
 * A union failure ("Invalid input") says nothing useful on its own. Reddit
 * things are unions keyed by `kind`, so descend into the branch that got
 * furthest (the one whose `kind` matched) to name the real field.
 */
function explainIssue(issue: Issue, prefix: PropertyKey[]): Array<{ path: string[]; message: string }> {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors.filter((branch) => branch.length > 0);
    const depth = (branch: Issue[]): number => Math.max(...branch.map((i) => i.path.length));
    const best = branches.sort((a, b) => depth(b) - depth(a))[0];
    if (best !== undefined && depth(best) > 0) return best.flatMap((i) => explainIssue(i, path));
  }
  return [{ path: path.map(String), message: issue.message }];
}
