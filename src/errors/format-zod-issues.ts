import type { z } from 'zod';

/** "field.path: message; other.path: message" — names the field, for error lines a person reads. */
export function formatZodIssues(error: z.ZodError, maxIssues = 5): string {
  const parts = error.issues.slice(0, maxIssues).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length - maxIssues;
  return more > 0 ? `${parts.join('; ')}; and ${more} more` : parts.join('; ');
}
