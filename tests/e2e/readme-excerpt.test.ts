import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
// The committed example the README quotes from, named in the README itself ("From `reports/example/…md`").
const SOURCE = /From `(reports\/example\/[^`]+\.md)`/;
const ELISION = /^\[… .* …\]$/;

describe('README report excerpt', () => {
  it('is copied from the committed example report, line for line and in order', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const path = SOURCE.exec(readme)?.[1];
    expect(path, 'README names the example it quotes').toBeDefined();
    const from = readme.indexOf('````markdown', readme.search(SOURCE));
    const to = readme.indexOf('````', from + 4);
    const excerpt = readme.slice(readme.indexOf('\n', from) + 1, to).split('\n');
    const example = readFileSync(join(ROOT, path!), 'utf8').split('\n');
    let at = 0;
    for (const line of excerpt.filter((l) => l !== '' && !ELISION.test(l))) {
      const found = example.indexOf(line, at);
      // after `npm run example`, copy the excerpt again from the regenerated file
      expect(found, `README line not in ${path} (in order): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
