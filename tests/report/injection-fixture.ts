import type { ReportInput } from '../../src/report/build-report.js';
import { buildFixtureInput, makeComment, makeTags, makeThread } from './report-fixture.js';

/** Comment bodies that try to break each output format. */
export const HOSTILE_BODIES = {
  markdown: '# Heading [click](javascript:alert(1)) **bold** | table | `code` and circular financing is a scam here.\n- list item\n> quote',
  html: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> circular financing in plain sight, folks.',
  csv: '=SUM(A1:A9)+cmd|" /C calc"!A0 circular financing, obviously, "quoted" text.',
  longWord: `circular financing ${'A'.repeat(400)} is what this is, honestly.`,
  url: 'circular financing, see https://x.example/a*b_c[d](e)?q=1&r=<b>x</b> and [t](https://x.example/y_z) [u]: https://x.example/)*_ done.',
  rtl: 'This is circular financing \u202Egnp.exe\u202C hidden\u200B text \u0627\u0644\u0633\u0644\u0627\u0645 here.',
} as const;

/**
 * The fixture plus one hostile comment per kind, each tagged cynical so it can be quoted; each in a thread of its own
 * (all with the hostile title), since no thread gives more than 40 % of the picks while others have quotes left.
 */
export function buildHostileInput(): ReportInput {
  const input = buildFixtureInput({ options: { withAuthors: false, maxQuotes: 6 } });
  Object.values(HOSTILE_BODIES).forEach((body, i) => {
    const thread = makeThread(`t9${i}`, 'technology', 'Hostile <b>title</b> | with # and [link](x)');
    input.threads.push(thread);
    const comment = makeComment(`h${i}`, thread, body, { score: 5000 + i, author: `hostile${i}` });
    input.screened.push({ comment, excluded: null });
    input.tags.set(comment.id, makeTags(comment, { cynicism: { score: 0.99, cues: ['circular financing'] } }));
  });
  return input;
}
