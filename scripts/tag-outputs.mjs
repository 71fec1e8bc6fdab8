// Tags a large fixed set of texts with the compiled tagger in <dist> and writes one JSON outcome per line, so
// two builds can be compared byte for byte (speed work must not change a single tag, score or cue):
//   node scripts/tag-outputs.mjs <dist dir> <out.jsonl>   (run it for both builds, then diff the two files)
// The texts: training/labeled-dev.jsonl, training/probes/*.jsonl, both tagger-bench corpora (written by
// `npx tsx scripts/tag-outputs-corpora.ts <dir>` into <dir>/real.json and <dir>/synth.json, passed as
// TAG_OUTPUTS_CORPORA=<dir>), every comment body of fixtures/reddit, and mutated copies of the labeled texts
// (casing, emoji, HTML entities, markdown quotes, Reddit markers, line breaks, long runs, joined pieces).
// Each text is tagged in batches (tagMany, as the tag stage does); the first 3,000 also one by one (tag).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [distArg, outPath] = process.argv.slice(2);
if (distArg === undefined || outPath === undefined) throw new Error('usage: node scripts/tag-outputs.mjs <dist dir> <out.jsonl>');
const root = new URL('../', import.meta.url);
const readJsonl = (path) =>
  readFileSync(new URL(path, root), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l).text);

const labeled = readJsonl('training/labeled-dev.jsonl');
const probes = readdirSync(new URL('training/probes/', root))
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readJsonl(`training/probes/${f}`));

function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}
function bodiesOf(value, out) {
  if (Array.isArray(value)) for (const v of value) bodiesOf(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'body' || k === 'selftext' || k === 'title') && typeof v === 'string') out.push(v);
      else bodiesOf(v, out);
    }
  }
  return out;
}
const fixtureDir = new URL('fixtures/reddit/', root).pathname;
const fixtures = filesUnder(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => bodiesOf(JSON.parse(readFileSync(f, 'utf8')), []));

const corporaDir = process.env.TAG_OUTPUTS_CORPORA;
const corpora = corporaDir === undefined ? [] : ['real.json', 'synth.json'].flatMap((f) => JSON.parse(readFileSync(join(corporaDir, f), 'utf8')));

/** Deterministic variants of one text; `k` picks among the insertions. */
function mutate(t, k) {
  const emoji = ['🙄', '😂', '🚀🚀', '💀', '🤡', '👍🏽', '🇺🇸', '👨‍👩‍👧'][k % 8];
  const words = t.split(' ');
  const mid = Math.floor(words.length / 2);
  return [
    t.toUpperCase(),
    t.toLowerCase(),
    t.replace(/\b\w/g, (c) => c.toUpperCase()),
    [...t].map((c, i) => (i % 3 === 0 ? c.toUpperCase() : c)).join(''),
    `${words.slice(0, mid).join(' ')} ${emoji} ${words.slice(mid).join(' ')} ${emoji}`,
    t.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;').replace(/ /g, (s, i) => (i % 7 === 0 ? '&nbsp;' : s)),
    t.replace(/ and /g, ' &amp; ').replace(/\. /g, '.&#10;') + ' &lt;3 &gt; &bogus; &#128580;',
    `> ${t.split('\n').join('\n> ')}\n\nSo ${t}`,
    `>${t}`,
    `${t} /s`,
    `u/someone and r/wallstreetbets said ${t} $10B $1.5t $3,000m /S`,
    t.replace(/ /g, '\n'),
    t.replace(/\. /g, '.\n\n'),
    `${t} ${'a'.repeat(40 + (k % 300))} ${'ha'.repeat(90)} https://example.com/${'circular-financing-'.repeat(5)}bubble?x=1 end`,
    t.replace(/n't/g, " n't").replace(/-/g, ' - ').replace(/'s\b/g, " 's"),
    t.replace(/ /g, '-'),
    t.replace(/'/g, '’').replace(/"([^"]*)"/g, '“$1”'),
    t.replace(/ /g, (s, i) => (i % 5 === 0 ? '\u200b ' : i % 5 === 1 ? '\u00a0' : s)),
    t.replace(/i/g, 'İ').replace(/ss/g, 'ß'),
    `${t}!!! ?!.. …`,
    `Das ist nicht gut. ${t.slice(0, 40)}`,
  ];
}
const mutated = labeled.flatMap((t, k) => mutate(t, k));
const extras = ['', '   ', '\n\n', '> only a quote\n> more', '🙄🙄', '💀', 'Esto es una burbuja, financiación circular, sin duda.', 'これはバブルです', 'x'.repeat(30_000), `${'word '.repeat(3000)}bubble`];

const texts = [...labeled, ...probes, ...fixtures, ...corpora, ...mutated, ...extras];
const dist = pathToFileURL(resolve(distArg) + '/').href;
const { loadTagger } = await import(new URL('tag/load-tagger.js', dist).href);
const tagger = loadTagger();
const lines = [];
for (let b = 0; b < texts.length; b += 100) for (const o of tagger.tagMany(texts.slice(b, b + 100))) lines.push(JSON.stringify(o));
for (let i = 0; i < Math.min(3000, texts.length); i++) lines.push(JSON.stringify(tagger.tag(texts[i])));
writeFileSync(outPath, lines.join('\n') + '\n');
console.log(`${outPath}: ${texts.length} texts (labeled ${labeled.length}, probes ${probes.length}, fixtures ${fixtures.length}, bench corpora ${corpora.length}, mutated ${mutated.length}, extras ${extras.length}), ${lines.length} lines`);
