import { stripTitleSlug } from './strip-title-slug.js';

/** True when a permalink (a submission's or one of its comments') shows the slug Reddit makes from the submission's title. */
export function hasTitleSlug(permalink: string): boolean {
  return stripTitleSlug(permalink) !== permalink;
}
