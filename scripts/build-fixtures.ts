// Builds the bundled offline fixtures: recorded-style Reddit API answers for the
// events in events/*.json, written under fixtures/reddit/<event-id>/.
//
//   npx tsx scripts/build-fixtures.ts
//
// Deterministic: a seeded PRNG (mulberry32) drives every choice; no Math.random,
// no clock. Real comment texts come from ../shared/data/labeled-dev.jsonl (kept
// verbatim, with `_source_id` / `_source_url`); everything else is filler
// written for this project (`_filler: true`). Usernames are generated.
//
// Layout written (see fixtures/README.md):
//   search.json                              GET /search (one Listing of t3)
//   comments/<thread>.json                   GET /comments/<thread>
//   comments/<thread>/<comment>.json         GET /comments/<thread>/_/<comment>
//   morechildren/<thread>.json               recorded GET /api/morechildren answers

import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/util/create-random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures', 'reddit');
const LABELED = process.env['LABELED_DEV'] ?? path.resolve(ROOT, '..', 'shared', 'data', 'labeled-dev.jsonl');
const SEED = 20251216;

// ---- PRNG -----------------------------------------------------------------


class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = createRandom(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error('pick from empty array');
    return arr[Math.floor(this.next() * arr.length)] as T;
  }
  weighted<T>(items: readonly T[], weight: (t: T) => number): T {
    let total = 0;
    for (const it of items) total += weight(it);
    let r = this.next() * total;
    for (const it of items) {
      r -= weight(it);
      if (r <= 0) return it;
    }
    return items[items.length - 1] as T;
  }
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = arr[i] as T;
      arr[i] = arr[j] as T;
      arr[j] = tmp;
    }
    return arr;
  }
  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

const rng = new Rng(SEED);

// ---- source texts -----------------------------------------------------------

interface LabeledRow {
  id: string;
  text: string;
  url: string;
  event: string;
  kind: string;
}

function loadLabeled(): LabeledRow[] {
  if (!existsSync(LABELED)) {
    throw new Error(`labeled-dev.jsonl not found at ${LABELED} (set LABELED_DEV to its path)`);
  }
  return readFileSync(LABELED, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabeledRow);
}

const PREFERRED_EVENTS = new Set(['nvidia-openai', 'amazon-openai', 'ai-bubble-general', 'oracle-openai', 'amd-openai', 'other']);

// ---- event + thread specs ------------------------------------------------------

type EventKey = 'amazon' | 'nvidia';

interface EventCtx {
  key: EventKey;
  id: string;
  investor: string;
  ticker: string;
  chip: string;
  chip2: string;
  amount: string;
  amountShort: string;
  cloud: string;
  rival: string;
  ceo: string;
  window: { from: number; to: number };
}

function loadWindow(eventId: string): { from: number; to: number } {
  const raw = JSON.parse(readFileSync(path.join(ROOT, 'events', `${eventId}.json`), 'utf8')) as {
    window: { from: string; to: string };
  };
  return { from: Date.parse(raw.window.from) / 1000, to: Date.parse(raw.window.to) / 1000 };
}

const EVENTS: Record<EventKey, EventCtx> = {
  amazon: {
    key: 'amazon',
    id: 'amazon-openai-2025-12',
    investor: 'Amazon',
    ticker: 'AMZN',
    chip: 'Trainium',
    chip2: 'Trainium3',
    amount: '$10 billion',
    amountShort: '$10B',
    cloud: 'AWS',
    rival: 'Nvidia',
    ceo: 'Jassy',
    window: loadWindow('amazon-openai-2025-12'),
  },
  nvidia: {
    key: 'nvidia',
    id: 'nvidia-openai-2025-09',
    investor: 'Nvidia',
    ticker: 'NVDA',
    chip: 'Vera Rubin',
    chip2: 'Blackwell',
    amount: '$100 billion',
    amountShort: '$100B',
    cloud: 'Azure',
    rival: 'AMD',
    ceo: 'Jensen',
    window: loadWindow('nvidia-openai-2025-09'),
  },
};

interface ThreadSpec {
  key: string;
  event: EventKey;
  subreddit: string;
  title: string;
  selftext: string;
  /** null = self post */
  link: string | null;
  created: number;
  score: number;
  size: number;
  pTop: number;
  autoMod: boolean;
  chains: number[];
  topShown: number;
  /** Children shown per parent on the page, by depth 1, 2, 3, ... (last value repeats). */
  childShown: number[];
  pageDepth: number;
  copypasta: boolean;
  pingBot: boolean;
  tldrBot: boolean;
  realWeight: number;
}

const utc = (y: number, mo: number, d: number, h: number, mi: number, s = 0): number =>
  Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

const THREADS: ThreadSpec[] = [
  {
    key: 'A1',
    event: 'amazon',
    subreddit: 'technology',
    title: 'Amazon in talks to invest $10 billion or more in OpenAI, with OpenAI to use Amazon’s Trainium chips',
    selftext: '',
    link: 'https://news.example.com/2025/12/16/amazon-openai-investment-talks-trainium',
    created: utc(2025, 12, 16, 22, 41, 7),
    score: 18432,
    size: 292,
    pTop: 0.56,
    autoMod: true,
    chains: [12, 9],
    topShown: 40,
    childShown: [5, 3, 3, 2, 2],
    pageDepth: 8,
    copypasta: true,
    pingBot: false,
    tldrBot: true,
    realWeight: 1.2,
  },
  {
    key: 'A2',
    event: 'amazon',
    subreddit: 'wallstreetbets',
    title: 'AMZN x OpenAI: the infinite money glitch just got a third player',
    selftext:
      'So let me get this straight. Nvidia pays OpenAI, OpenAI pays Nvidia. Microsoft pays OpenAI, OpenAI pays Microsoft. Now Amazon wants in with $10B+ and OpenAI rents Trainium back from AWS.\n\nPositions: AMZN 250c 1/16, and a small NVDA put as a hedge because I am a responsible adult.\n\nEdit: yes I know it is "in talks", relax.',
    link: null,
    created: utc(2025, 12, 17, 1, 15, 44),
    score: 6120,
    size: 122,
    pTop: 0.42,
    autoMod: true,
    chains: [18, 7],
    topShown: 40,
    childShown: [4, 3, 2, 2],
    pageDepth: 8,
    copypasta: true,
    pingBot: true,
    tldrBot: false,
    realWeight: 1,
  },
  {
    key: 'A3',
    event: 'amazon',
    subreddit: 'stocks',
    title: 'Amazon reportedly in talks to put $10B+ into OpenAI. What does it mean for AMZN and NVDA?',
    selftext:
      'Reports say Amazon is discussing an investment of at least $10 billion in OpenAI, and that OpenAI would use Trainium chips as part of it. This comes after the $38B AWS compute deal in November.\n\nCurious how people here read it: validation of Trainium, or Amazon paying to stay relevant in the model race? And does it change anything for Nvidia?',
    link: null,
    created: utc(2025, 12, 17, 13, 20, 2),
    score: 1544,
    size: 82,
    pTop: 0.45,
    autoMod: true,
    chains: [10],
    topShown: 30,
    childShown: [4, 3, 2],
    pageDepth: 8,
    copypasta: false,
    pingBot: false,
    tldrBot: false,
    realWeight: 1,
  },
  {
    key: 'A4',
    event: 'amazon',
    subreddit: 'OpenAI',
    title: 'OpenAI would reportedly train and serve some models on Trainium as part of the Amazon deal',
    selftext: '',
    link: 'https://tech.example.org/openai-amazon-trainium-report',
    created: utc(2025, 12, 18, 9, 5, 31),
    score: 734,
    size: 56,
    pTop: 0.45,
    autoMod: true,
    chains: [7],
    topShown: 25,
    childShown: [4, 3, 2],
    pageDepth: 8,
    copypasta: false,
    pingBot: false,
    tldrBot: false,
    realWeight: 0.9,
  },
  {
    key: 'A5',
    event: 'amazon',
    subreddit: 'investing',
    title: 'Circular AI deals: Amazon–OpenAI is the latest one. How worried should index investors be?',
    selftext:
      'Between Nvidia, AMD, Oracle, Microsoft and now Amazon, a lot of the AI revenue in the S&P 500 seems to route through OpenAI in one direction or another. I hold mostly VTI/VXUS and I am trying to figure out whether this is concentration risk I should care about or just noise. Not looking for stock picks, more for how you think about it.',
    link: null,
    created: utc(2025, 12, 22, 15, 30, 12),
    score: 412,
    size: 36,
    pTop: 0.5,
    autoMod: false,
    chains: [6],
    topShown: 20,
    childShown: [3, 2],
    pageDepth: 8,
    copypasta: false,
    pingBot: false,
    tldrBot: false,
    realWeight: 1.3,
  },
  {
    key: 'A0',
    event: 'amazon',
    subreddit: 'artificial',
    title: 'OpenAI signs a $38 billion, seven-year cloud deal with Amazon Web Services',
    selftext: '',
    link: 'https://news.example.com/2025/11/03/openai-aws-38-billion-cloud-deal',
    created: utc(2025, 11, 3, 14, 10, 55),
    score: 2210,
    size: 18,
    pTop: 0.55,
    autoMod: true,
    chains: [],
    topShown: 12,
    childShown: [3, 2],
    pageDepth: 8,
    copypasta: false,
    pingBot: false,
    tldrBot: false,
    realWeight: 0.5,
  },
  {
    key: 'N1',
    event: 'nvidia',
    subreddit: 'stocks',
    title: 'Nvidia to invest up to $100 billion in OpenAI as OpenAI deploys at least 10 gigawatts of Nvidia systems',
    selftext: '',
    link: 'https://news.example.com/2025/09/22/nvidia-openai-100-billion-10-gigawatts',
    created: utc(2025, 9, 22, 16, 35, 18),
    score: 9876,
    size: 212,
    pTop: 0.5,
    autoMod: true,
    chains: [11, 8],
    topShown: 60,
    childShown: [5, 3, 3, 2],
    pageDepth: 8,
    copypasta: true,
    pingBot: false,
    tldrBot: true,
    realWeight: 1.2,
  },
  {
    key: 'N2',
    event: 'nvidia',
    subreddit: 'wallstreetbets',
    title: 'NVDA gives OpenAI $100B so OpenAI can buy NVDA chips. I have seen this one before',
    selftext:
      'Jensen hands Sam $100B. Sam hands Jensen $100B for GPUs. NVDA +4% = +$170B market cap. Net result: everyone is richer and nothing happened.\n\nI am not saying it is a bubble, I am saying I bought calls.',
    link: null,
    created: utc(2025, 9, 22, 19, 50, 3),
    score: 14210,
    size: 112,
    pTop: 0.45,
    autoMod: true,
    chains: [9],
    topShown: 38,
    childShown: [4, 3, 2],
    pageDepth: 8,
    copypasta: true,
    pingBot: true,
    tldrBot: false,
    realWeight: 1,
  },
  {
    key: 'N3',
    event: 'nvidia',
    subreddit: 'nvidia',
    title: 'NVIDIA and OpenAI announce a letter of intent for 10 GW of NVIDIA systems, first gigawatt on Vera Rubin in H2 2026',
    selftext: '',
    link: 'https://press.example.com/nvidia-openai-letter-of-intent-10gw',
    created: utc(2025, 9, 23, 8, 10, 40),
    score: 2380,
    size: 71,
    pTop: 0.45,
    autoMod: true,
    chains: [13],
    topShown: 28,
    childShown: [4, 3, 2],
    pageDepth: 8,
    copypasta: false,
    pingBot: false,
    tldrBot: false,
    realWeight: 1,
  },
  {
    key: 'N4',
    event: 'nvidia',
    subreddit: 'singularity',
    title: '10 gigawatts for one lab. Is compute still the bottleneck after this?',
    selftext:
      'With the Nvidia LOI, OpenAI has now lined up something like 10 GW from Nvidia on top of Stargate and the Oracle contract. For scale that is several large power plants of dedicated load. Is the constraint now power and grid interconnects rather than chips? And does anyone actually know how much of this is firm?',
    link: null,
    created: utc(2025, 9, 26, 12, 0, 9),
    score: 688,
    size: 46,
    pTop: 0.45,
    autoMod: false,
    chains: [6],
    topShown: 22,
    childShown: [3, 2],
    pageDepth: 8,
    copypasta: false,
    pingBot: false,
    tldrBot: false,
    realWeight: 1,
  },
  {
    key: 'N0',
    event: 'nvidia',
    subreddit: 'investing',
    title: 'Oracle shares jump after OpenAI reportedly signs a $300 billion compute contract',
    selftext: '',
    link: 'https://news.example.com/2025/09/10/oracle-openai-300-billion-compute',
    created: utc(2025, 9, 10, 20, 45, 22),
    score: 3105,
    size: 16,
    pTop: 0.55,
    autoMod: true,
    chains: [],
    topShown: 12,
    childShown: [3, 2],
    pageDepth: 8,
    copypasta: false,
    pingBot: false,
    tldrBot: false,
    realWeight: 0.5,
  },
];

// ---- usernames (generated; not real accounts) ----------------------------------

const ADJ = [
  'quiet', 'rusty', 'amber', 'brave', 'cosmic', 'dusty', 'eager', 'fuzzy', 'gloomy', 'hollow', 'icy', 'jolly',
  'lanky', 'mellow', 'nimble', 'odd', 'plucky', 'quirky', 'salty', 'tidy', 'umber', 'vivid', 'wobbly', 'zesty',
  'brisk', 'crisp', 'dapper', 'feral', 'gentle', 'hasty', 'jaded', 'keen', 'lucid', 'murky', 'nervous', 'opaque',
  'polite', 'restless', 'sleepy', 'tepid', 'unruly', 'velvet', 'wary', 'yawning', 'bashful', 'clumsy', 'dizzy',
  'frosty', 'grumpy', 'humble', 'itchy', 'lofty', 'moody', 'noisy', 'peppy', 'rowdy', 'sturdy', 'tangy', 'witty',
];
const NOUN = [
  'otter', 'walrus', 'teapot', 'lantern', 'pebble', 'falcon', 'muffin', 'badger', 'cactus', 'dynamo', 'ember',
  'ferret', 'gazebo', 'heron', 'igloo', 'jackal', 'kettle', 'lemur', 'marmot', 'nugget', 'oyster', 'parsnip',
  'quokka', 'radish', 'sprocket', 'turnip', 'urchin', 'violin', 'wombat', 'yak', 'zeppelin', 'anvil', 'biscuit',
  'compass', 'dumpling', 'eclair', 'fjord', 'gopher', 'harbor', 'iguana', 'juniper', 'kayak', 'ladle', 'mongoose',
  'noodle', 'orchard', 'pelican', 'quasar', 'raccoon', 'saddle', 'thimble', 'umbrella', 'vulture', 'walnut',
];
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function makeUsers(n: number, used: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const a = rng.pick(ADJ);
    const b = rng.pick(NOUN);
    const style = rng.int(0, 4);
    let name: string;
    if (style === 0) name = `${a}_${b}_${rng.int(1000, 9999)}`;
    else if (style === 1) name = `${cap(a)}-${cap(b)}-${rng.int(1000, 9999)}`;
    else if (style === 2) name = `${a}${cap(b)}${rng.int(10, 99)}`;
    else if (style === 3) name = `${b}_${a}${rng.int(1, 999)}`;
    else name = `${cap(a)}${cap(b)}_${rng.int(100, 9999)}`;
    if (used.has(name)) continue;
    used.add(name);
    out.push(name);
  }
  return out;
}

const fullnames = new Map<string, string>();
function authorFullname(name: string): string {
  let f = fullnames.get(name);
  if (f === undefined) {
    f = `t2_${Array.from({ length: 8 }, () => rng.pick('abcdefghijklmnopqrstuvwxyz0123456789'.split(''))).join('')}`;
    fullnames.set(name, f);
  }
  return f;
}

// ---- filler text --------------------------------------------------------------
// All of the fragments below were written for this project.

function fill(t: string, e: EventCtx): string {
  return t
    .replaceAll('{A}', e.investor)
    .replaceAll('{T}', e.ticker)
    .replaceAll('{chip}', e.chip)
    .replaceAll('{chip2}', e.chip2)
    .replaceAll('{amt}', e.amount)
    .replaceAll('{amts}', e.amountShort)
    .replaceAll('{cloud}', e.cloud)
    .replaceAll('{rival}', e.rival)
    .replaceAll('{ceo}', e.ceo)
    .replaceAll('{n}', String(rng.int(2, 9)))
    .replaceAll('{pct}', String(rng.int(3, 40)))
    .replaceAll('{yr}', String(rng.pick([2000, 2001, 2008, 1999, 2021])));
}

const BULL = [
  '{amts} is pocket change for {A}, they make that in a couple of weeks.',
  'People calling this a bubble have been wrong every single quarter since 2023.',
  'Demand for compute is real, every cluster that comes online is rented out before the concrete is dry.',
  '{T} holders eating good this week.',
  'If {chip} actually runs OpenAI workloads at scale that is a huge validation for the {A} silicon team.',
  'Long term this is a no-brainer, OpenAI needs more compute than any single vendor can ship.',
  'Bought more {T} at the open, see you all at the top.',
  'The market is still underpricing how much inference demand is coming in the next two years.',
  'The capex looks scary until you read the backlog numbers.',
  '{A} gets a customer, an equity stake and a showcase for {chip} in one move. That is just good business.',
  'Nobody thought cloud computing would matter in 2006 either.',
  'We are still early, most companies have not even started deploying this stuff.',
  'Say what you want, they are locking in supply while everyone else waits in line.',
  'Half the analysts I follow raised their targets after this.',
  'Honestly the bears keep moving the goalposts. First it was no revenue, now it is the wrong kind of revenue.',
  'This is the most boring possible outcome: a giant company with cash buys into the fastest growing customer it has.',
  'Every hyperscaler would sign this deal tomorrow if OpenAI called them.',
  'Revenue is tripling year over year, I do not know what else people want to see.',
  'Inference costs keep falling, usage keeps rising. That is the whole bull case and it keeps holding.',
  'I will take the other side of every "this is 1999" comment in this thread.',
  'The chips get used, the tokens get sold, the margins are public. Not that complicated.',
  'Diversifying away from one chip supplier is exactly what a sane buyer should do.',
  'Been holding {T} since 2019 and I have heard "this is the top" about forty times.',
  'Frankly the deal makes more sense for {A} than the last three acquisitions combined.',
];
const BEAR = [
  '{amt} in commitments on revenue that does not cover the power bill yet. Sure.',
  'At some point someone has to pay for all these gigawatts with actual customer money.',
  'Feels a lot like {yr} with nicer slide decks.',
  'Who is left holding the bag when growth slows even a little?',
  'Depreciation on this hardware is brutal, it is obsolete in three or four years and the debt is not.',
  'The financing side of this is what worries me, not the headline number.',
  'These valuations assume everything goes right for a decade straight.',
  'This only works as long as the stock keeps going up.',
  'I am trimming my position, this is getting silly.',
  'When the music stops it is going to be very ugly for whoever is last in.',
  'Cash burn of this size with no path to profit would get any normal company laughed out of the room.',
  'The same money is being counted three times on three different income statements.',
  'Concentration risk is insane, half the index now depends on one unprofitable company hitting its targets.',
  'Remember when fiber was going to be infinitely in demand? The fiber got used eventually. The companies did not survive.',
  'Revenue growth is great until you notice the customers are also the investors.',
  'I would love to see the actual cash flows instead of "up to" numbers in press releases.',
  'Every one of these announcements says "up to". Nobody ever reports the "down to".',
  'This has the same energy as vendor financing in the telecom days and we know how that ended.',
  'The power grid alone makes half of these timelines fantasy.',
  'If OpenAI misses its revenue targets by even {pct}% a lot of these contracts get renegotiated real fast.',
  'Lenders are already pricing data-centre debt like it is risky. That should tell you something.',
  'The problem is not the tech, it is paying for it.',
];
const SNARK = [
  'What could possibly go wrong.',
  'Infinite money glitch, part {n}.',
  '{A} gives OpenAI money, OpenAI gives {A} money back, everybody books revenue. Genius.',
  'Circular financing, but make it a press release.',
  'This is fine. Everything is fine. 🙂🔥',
  'Can not wait for OpenAI to announce an investment in itself.',
  'Ah yes, the classic strategy of paying your customers to buy your stuff.',
  'Nothing says sustainable like a deal that only works if the stock goes up.',
  'Sam is going to ask for a trillion next week, calling it now 🤡',
  'Another day, another "historic strategic partnership" 🙄',
  'Line goes up, do not ask questions.',
  'Sure, and I am investing in my neighbour so he can pay me to mow his lawn.',
  'Truly the most innovative thing about AI so far is the accounting.',
  'Imagine being the intern who has to draw the arrows on this org chart.',
  'The ouroboros of capital is complete 💀',
  'Bold strategy: fund the demand for your own product. Let us see if it pays off.',
  'Wake me up when one of these deals involves an actual paying customer.',
  'Just three guys in a room passing the same {amts} back and forth.',
  '"In talks" is doing a lot of heavy lifting in that headline.',
  'Next up: OpenAI invests in {A} so {A} can invest in OpenAI. Perpetual motion achieved.',
  'Somewhere an auditor is quietly updating their LinkedIn.',
  'Oh good, more "strategic" money. My favourite kind.',
  'The real product was the press release all along.',
];
const TECH = [
  '{chip} is fine for inference but the software stack is still way behind CUDA for training.',
  'The real moat is the interconnect and networking, not the chip itself.',
  'Porting a serious training stack off CUDA is months of work even with a good compiler team.',
  'TPUs are the only non-Nvidia accelerator with a long track record of large-scale training so far.',
  'Power is the bottleneck now, not chips. Good luck getting a gigawatt interconnected before 2027.',
  'HBM supply is what actually limits all of this, the logic dies are the easy part.',
  'People underestimate how much of the cost is cooling and power delivery.',
  'Custom silicon for inference makes a lot of sense, training is a different story.',
  'A gigawatt is roughly what a large nuclear reactor puts out, for scale.',
  'Most of these numbers are list price. Nobody pays list at this volume.',
  'The Neuron SDK got a lot better this year, but the long tail of custom kernels is where it hurts.',
  '{chip2} racks are liquid cooled, so a lot of older data centres can not even host them without a retrofit.',
  'Memory bandwidth per dollar is the metric that matters for inference, not peak FLOPS.',
  'Training runs at this size are limited by how fast you can recover from node failures, not raw compute.',
  'JAX and PyTorch/XLA make switching hardware a lot less painful than it was in 2020.',
  'Anyone who has run jobs on mixed hardware knows the scheduler is where the pain lives.',
  'The per-token cost drop from the last generation was real, I saw it on our own bills.',
  'Transformers do not care whose matmul unit they run on, the tooling does.',
  'Utilisation is the hidden number. A cluster at 40% MFU is a very expensive space heater.',
  'Latency-sensitive inference still wants the fastest chip you can get, batch jobs can go wherever is cheapest.',
];
const QUESTION = [
  'Does anyone know if this is equity, compute credits, or some mix?',
  'How is this different from the Microsoft arrangement?',
  'Serious question: what happens to this if OpenAI misses its revenue targets?',
  'Is this actually signed or just "in talks"?',
  'Where does the money actually come from, free cash flow or debt?',
  'ELI5 why this is good for {T}?',
  'Is there a filing for this or is it all anonymous sources?',
  'Does OpenAI even have the staff to run on two different chip stacks?',
  'What is the valuation on this round supposed to be?',
  'Can someone explain what "up to" means legally in these announcements?',
  'Who actually owns the data centres in this setup?',
  'Is {chip} even available in enough volume for this?',
  'Genuinely asking, has any of these mega-deals been cancelled yet?',
  'How does Microsoft feel about this, don\'t they have some exclusivity?',
  'Would this show up as revenue for {cloud} or as an investment gain?',
];
const OFFTOPIC = [
  'My electricity bill went up {pct}% this year, thanks I guess.',
  'Meanwhile the chatbot still can not tell me how many weeks are left in the year.',
  'I just want my packages to arrive on time.',
  'Anyone else\'s smart speaker get dumber lately?',
  'This sub has turned into AI stock talk 24/7 lol',
  'Can we get a megathread for these? There are like five posts about the same deal.',
  'Imagine explaining this economy to someone from 2015.',
  'The headline font on that site is unreadable on mobile.',
  'Unrelated but the comments on the last thread like this aged like milk.',
  'I came here for the memes and I was not disappointed.',
  'My dad asked me if he should buy "the AI" at Thanksgiving. That is usually a sign.',
  'Reading this thread at 3am was a mistake.',
  'Why does every article about this have a photo of a server rack with blue lights.',
  'Off topic but does anyone know a good index fund that is not 40% tech now?',
];
const REPLY = [
  'Agreed.',
  'This is the answer.',
  'Hard disagree.',
  'You are not wrong, but the timing matters a lot.',
  'That is not how any of this works.',
  'Fair point, I had not thought about it that way.',
  'Exactly my thought when I read the headline.',
  'Came here to say this.',
  'Eh, partially true.',
  'Respectfully, you are describing a different deal.',
  'Ok but that applies to literally every company.',
  'Good take.',
  'I mean, you could say the same thing about every cycle.',
  'Not sure why this is downvoted, it is a reasonable question.',
  'You had me in the first half.',
  'Both things can be true.',
  'The numbers in that article were wrong by the way, they corrected it later.',
];
const SHORT = [
  'lol', 'lmao', 'source?', 'Source?', 'this', 'This.', 'Yep.', 'Nope.', 'Big if true', 'Wait what', '😂', '💀💀💀',
  'oof', 'lol what', 'Bingo.', 'Sir this is a Wendy\'s', 'ok', 'Wild.', 'yikes', 'Called it.', 'Username checks out',
  'Bullish', 'Bearish', 'cope', 'Same', 'based', 'F', 'Sauce?', '🚀🚀🚀', '📉📉', 'We are so back', 'It is so over',
];
const OPENERS = [
  '', '', '', '', '', 'Honestly, ', 'Tbh ', 'Ngl, ', 'Counterpoint: ', 'Hot take: ', 'Not gonna lie, ', 'Ok but ',
  'Yeah, ', 'Eh. ', 'I mean, ', 'Look, ', 'Lol. ', 'Real talk: ', 'Unpopular opinion: ', 'To be fair, ',
];
const CLOSERS = [
  '', '', '', '', '', '', ' 🚀', ' 📉', ' 💀', ' 🙄', ' 🤡', ' Not financial advice.', ' Just my 2c.', ' Change my mind.',
  ' Anyway.', ' /s', ' lol', ' Time will tell.', ' We will see.', ' 🍿',
];
const LINK_LINES = [
  'Here is the [original report]({url}).',
  'Source: {url}',
  '[Archive link]({url}) for the paywalled article.',
  'Previous discussion: {url}',
  'Relevant: [vendor financing, explained]({url})',
  '{url}',
  'Full article without the paywall: {url}',
];
const LINK_URLS = [
  'https://news.example.com/2025/ai-deals-tracker?utm_source=reddit&amp;utm_medium=social',
  'https://archive.example.org/newest/https://news.example.com/amazon-openai',
  'https://www.example.com/analysis/circular-ai-financing',
  'https://blog.example.net/posts/gigawatts-and-grids',
  'https://research.example.edu/papers/accelerator-tco.pdf',
  'https://www.sec.gov/edgar/search/',
  'https://news.example.com/markets/ai-capex-vs-revenue-chart',
];
const EDIT_NOTES = [
  '\n\nEdit: typo',
  '\n\nEDIT: wow this blew up',
  '\n\nEdit: fixed the number, it was billion not million',
  '\n\nedit: ok I get it, "in talks" ≠ signed',
  '\n\nEdit 2: thanks for the replies, some good points in here',
  '\n\n**Edit:** downvote all you want, see you in a year',
];

// Composed sentences: subject + predicate + tail, so the filler has hundreds of
// distinct sentences rather than a handful of repeated templates.
const COMPOSED: Record<'bull' | 'bear' | 'snark' | 'tech' | 'question', [string[], string[], string[]]> = {
  bull: [
    ['the demand side', 'inference usage', 'enterprise adoption', '{A}\'s cloud backlog', 'the {chip} roadmap', 'OpenAI\'s revenue run rate', 'this partnership', 'the compute buildout', '{T} at these levels', 'the long-term math'],
    ['looks stronger every quarter', 'is still wildly underestimated', 'is the part the bears never mention', 'justifies a lot of this spending', 'keeps beating every forecast', 'is exactly why {A} wants in', 'makes the skeptics look silly', 'is a lot more solid than the headlines suggest', 'is why I keep adding on dips'],
    ['', '', ' imo', ' if you actually read the earnings calls', ' and it is not close', ', at least for the next couple of years', ' no matter what this sub thinks', ' in my experience', ' from what I see at work'],
  ],
  bear: [
    ['the capex', 'the debt load', 'OpenAI\'s burn rate', '{A}\'s exposure', 'the whole compute buildout', 'the "up to" framing', 'the data-centre financing', 'the revenue projections', 'the depreciation schedule', 'the valuation math', 'this round-robin of commitments'],
    ['is not going to age well', 'only works if growth never slows', 'looks a lot like {yr} to me', 'is way ahead of actual demand', 'worries me more than the headline', 'has zero margin for error', 'hangs on one unprofitable customer', 'gets ugly the moment rates stay high', 'is the part nobody can explain to me', 'will look insane in hindsight'],
    ['', '', ', honestly', ' and nobody wants to say it', ' if you read past the headline', ' the moment one lab stumbles', ', mark my words', ' once the hype cools off', ' when the bill comes due'],
  ],
  snark: [
    ['Love how', 'Amazing how', 'Nothing to see here,', 'Totally normal that', 'Of course', 'Naturally,', 'Shocking absolutely nobody,', 'Cool cool cool,', 'Sure, and'],
    ['{A} funds the customer', 'the money goes in a circle', 'every deal is "up to" something', 'the stock pops on a letter of intent', 'the same five companies keep buying from each other', 'OpenAI pays with money it just got', '"in talks" moves the market by a few hundred billion', 'nobody mentions profit anymore', 'a press release counts as revenue now'],
    ['.', '.', '. Very healthy market.', '. Truly visionary stuff.', '. What a time to be alive.', ' 🙄', ' 🤡', '. Totally sustainable.', '. Nothing weird about that at all.', ' 💀'],
  ],
  tech: [
    ['{chip}', '{chip2}', 'the interconnect', 'the compiler stack', 'HBM supply', 'liquid cooling', 'grid interconnection', 'rack power density', 'the Neuron SDK', 'the software ecosystem', 'TPU pods', 'the networking fabric'],
    ['is the real constraint here', 'matters more than raw FLOPS', 'is where most of the engineering time goes', 'is improving faster than people assume', 'still lags for big training runs', 'decides the total cost of ownership', 'is why switching vendors is so slow', 'has gotten a lot better since last year', 'is what the press releases never mention'],
    ['', '', ' in practice', ' from what I have seen in benchmarks', ', source: I work on this stuff', ' at this scale', ' for inference at least', ' unless something changed recently'],
  ],
  question: [
    ['Does anyone know', 'Can someone explain', 'Genuine question: does anyone know', 'Honest question, do we know', 'Has anyone figured out', 'Do we know', 'Any idea'],
    ['how much of this is cash', 'who carries the debt', 'whether this needs regulatory approval', 'what OpenAI gives up in return', 'when any of this capacity actually comes online', 'how the equity gets valued', 'what happens if the targets are missed', 'whether {cloud} books this as revenue', 'if {chip} is part of the contract or just a rumour'],
    ['?', '?', ' here?', ' in this deal?', ' exactly?', ', or is that still secret?', ' at all?'],
  ],
};

function composed(kind: keyof typeof COMPOSED, e: EventCtx): string {
  const [a, b, c] = COMPOSED[kind];
  let s = `${rng.pick(a)} ${rng.pick(b)}${rng.pick(c)}`;
  if (kind === 'bull' || kind === 'bear' || kind === 'tech') {
    s = s.charAt(0).toUpperCase() + s.slice(1);
    if (!/[.?!]$/.test(s)) s += '.';
  }
  return fill(s, e);
}

const usedFiller = new Set<string>();

const CAT_KIND = new Map<readonly string[], keyof typeof COMPOSED>([
  [BULL, 'bull'],
  [BEAR, 'bear'],
  [SNARK, 'snark'],
  [TECH, 'tech'],
  [QUESTION, 'question'],
]);

function sentence(cat: readonly string[], e: EventCtx): string {
  const kind = CAT_KIND.get(cat);
  if (kind !== undefined && rng.chance(0.6)) return composed(kind, e);
  return fill(rng.pick(cat), e);
}

function withOpener(s: string): string {
  const op = rng.pick(OPENERS);
  return op === '' ? s : op + lowerFirst(s);
}

function lowerFirst(s: string): string {
  if (/^[A-Z][a-z]/.test(s) && !/^(I |OpenAI|Amazon|Nvidia|Microsoft|TPUs|HBM|JAX|Sam|Jensen|AMD|Oracle|Transformers|Custom|CUDA|Trainium|Vera|Blackwell|People|Power|Most|Memory|Latency)/.test(s)) {
    return s.charAt(0).toLowerCase() + s.slice(1);
  }
  return s;
}

function fillerComment(e: EventCtx, isReply: boolean): string {
  for (let attempt = 0; attempt < 40; attempt++) {
    const r = rng.float();
    let body: string;
    if (r < 0.12) {
      body = rng.pick(SHORT);
      return body; // short replies repeat on real Reddit too
    } else if (r < 0.27) {
      body = withOpener(sentence(SNARK, e));
    } else if (r < 0.42) {
      body = withOpener(sentence(BEAR, e));
    } else if (r < 0.56) {
      body = withOpener(sentence(BULL, e));
    } else if (r < 0.67) {
      body = sentence(TECH, e);
    } else if (r < 0.76) {
      body = sentence(QUESTION, e);
    } else if (r < 0.83) {
      body = sentence(OFFTOPIC, e);
    } else {
      const cats = [BULL, BEAR, SNARK, TECH, QUESTION];
      body = (isReply ? sentence(REPLY, e) + ' ' : '') + sentence(rng.pick(cats), e);
    }
    if (rng.chance(0.35)) {
      const second = rng.pick([BULL, BEAR, SNARK, TECH, OFFTOPIC]);
      body += (rng.chance(0.25) ? '\n\n' : ' ') + sentence(second, e);
    }
    body += rng.pick(CLOSERS);
    if (rng.chance(0.06)) {
      body += '\n\n' + rng.pick(LINK_LINES).replace('{url}', rng.pick(LINK_URLS));
    }
    if (!usedFiller.has(body)) {
      usedFiller.add(body);
      return body;
    }
  }
  throw new Error('could not make a fresh filler comment');
}

function quoteOf(parentBody: string): string {
  // Quote the first sentence (or line) of the parent, like Reddit users do.
  const firstLine = parentBody.split('\n').find((l) => l.trim() !== '') ?? parentBody;
  const m = /^(.{20,220}?[.!?])(\s|$)/.exec(firstLine);
  const q = m?.[1] ?? firstLine;
  return `> ${q}`;
}

const COPYPASTA =
  'Big Tech gives OpenAI money. OpenAI gives the money back for chips. Big Tech books it as revenue. Stock goes up. Nobody asks questions. Repeat until the heat death of the universe. 🚀🚀🚀\n\nThis is what peak capitalism looks like.';

function autoModText(sub: string): string {
  if (sub === 'wallstreetbets') {
    return `**Thread rules:** positions or ban for "I bought" claims, no pump-and-dump links, no referral codes.\n\nLooking for the daily thread? It is pinned at the top of r/${sub}.\n\n*Automated message from the mod team. Questions? [Message the mods](/message/compose/?to=/r/${sub}).*`;
  }
  if (sub === 'technology' || sub === 'artificial') {
    return `**Reminder:** this is a news post. Discuss the article, keep it civil, and report comments that break the rules instead of replying to them.\n\nPaywalled? Please do not post full copies of the article text.\n\n*Automated message from the mod team. Questions? [Message the mods](/message/compose/?to=/r/${sub}).*`;
  }
  return `Hi! Please remember that r/${sub} is for discussion, not for promoting tickers or services. Low-effort comments ("to the moon", "bubble lol") may be removed.\n\n*Automated message from the mod team. Questions? [Message the mods](/message/compose/?to=/r/${sub}).*`;
}

// ---- tree model -----------------------------------------------------------------

type NodeKind = 'normal' | 'deleted' | 'removed' | 'automod' | 'bot' | 'copypasta' | 'quote' | 'pingcall';

interface Node {
  seq: number;
  thread: ThreadState;
  parent: Node | null;
  depth: number;
  created: number;
  author: string;
  kind: NodeKind;
  body: string;
  real: LabeledRow | null;
  score: number;
  edited: number | false;
  stickied: boolean;
  distinguished: string | null;
  children: Node[];
  id: string;
  chain: boolean;
}

interface ThreadState {
  spec: ThreadSpec;
  e: EventCtx;
  id: string;
  slug: string;
  nodes: Node[];
  numComments: number;
  upvoteRatio: number;
}

let seqCounter = 0;

function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .split('_')
    .slice(0, 9)
    .join('_');
}

function newNode(t: ThreadState, parent: Node | null, created: number, author: string): Node {
  const n: Node = {
    seq: seqCounter++,
    thread: t,
    parent,
    depth: parent ? parent.depth + 1 : 0,
    created: Math.round(created),
    author,
    kind: 'normal',
    body: '',
    real: null,
    score: 1,
    edited: false,
    stickied: false,
    distinguished: null,
    children: [],
    id: '',
    chain: false,
  };
  if (parent) parent.children.push(n);
  t.nodes.push(n);
  return n;
}

function topTime(t: ThreadState): number {
  return t.spec.created + 25 + Math.min(rng.exp(5 * 3600), 4 * 86400);
}
function replyTime(parent: Node): number {
  return parent.created + 20 + Math.min(rng.exp(45 * 60), 2 * 86400);
}

function pickAuthor(users: string[], not: string | undefined): string {
  for (;;) {
    // Zipf-ish: low indexes are much more active.
    const idx = Math.min(users.length - 1, Math.floor(Math.pow(rng.float(), 1.8) * users.length));
    const u = users[idx] as string;
    if (u !== not) return u;
  }
}

function buildTree(t: ThreadState, users: string[]): void {
  const s = t.spec;
  if (s.autoMod) {
    const am = newNode(t, null, s.created + rng.int(3, 40), 'AutoModerator');
    am.kind = 'automod';
    am.stickied = true;
    am.distinguished = 'moderator';
    am.body = autoModText(s.subreddit);
    am.score = 1;
  }
  // Deep back-and-forth chains between two users.
  for (const len of s.chains) {
    const a = pickAuthor(users, undefined);
    const b = pickAuthor(users, a);
    let cur = newNode(t, null, topTime(t), a);
    cur.chain = true;
    cur.score = rng.int(60, 900);
    for (let d = 1; d < len; d++) {
      const nxt = newNode(t, cur, replyTime(cur), d % 2 === 1 ? b : a);
      nxt.chain = true;
      nxt.score = Math.max(1, Math.round(cur.score * (0.35 + rng.float() * 0.4)) + rng.int(0, 6));
      cur = nxt;
    }
  }
  const candidates = (): Node[] => t.nodes.filter((n) => n.kind !== 'automod');
  while (t.nodes.length < s.size) {
    const pool = candidates();
    if (pool.length === 0 || rng.chance(s.pTop)) {
      newNode(t, null, topTime(t), pickAuthor(users, undefined));
    } else {
      const parent = rng.weighted(pool, (n) => (1 + n.children.length * 1.5) / (1 + Math.max(0, n.depth - 3) * 0.8));
      newNode(t, parent, replyTime(parent), pickAuthor(users, parent.author));
    }
  }
}

function assignScores(t: ThreadState): void {
  for (const n of t.nodes) {
    if (n.kind === 'automod' || n.chain) continue;
    const early = Math.max(0, 1 - (n.created - t.spec.created) / (8 * 3600));
    const mu = (n.depth === 0 ? 1.2 : 0.5) + early * (n.depth === 0 ? 2.2 : 1.0);
    let sc = Math.round(Math.exp(mu + rng.normal() * 1.25));
    if (rng.chance(0.07)) sc = -rng.int(0, 12);
    if (n.depth === 0 && early > 0.6 && rng.chance(0.05)) sc = rng.int(800, 4800);
    n.score = sc;
  }
}

// ---- ids --------------------------------------------------------------------------

const allIds = new Set<string>();
function claimId(id: string): string {
  if (allIds.has(id)) throw new Error(`duplicate id ${id}`);
  allIds.add(id);
  return id;
}

// ---- rendering -----------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function permalink(t: ThreadState, commentId?: string): string {
  return `/r/${t.spec.subreddit}/comments/${t.id}/${t.slug}/${commentId ? `${commentId}/` : ''}`;
}

function submissionData(t: ThreadState): { [k: string]: Json } {
  const s = t.spec;
  const pl = permalink(t);
  const authorName = threadAuthors.get(t.id) ?? 'unknown';
  return {
    id: t.id,
    name: `t3_${t.id}`,
    subreddit: s.subreddit,
    subreddit_name_prefixed: `r/${s.subreddit}`,
    title: s.title,
    selftext: s.selftext,
    is_self: s.link === null,
    url: s.link ?? `https://www.reddit.com${pl}`,
    domain: s.link === null ? `self.${s.subreddit}` : new URL(s.link).hostname,
    permalink: pl,
    created_utc: s.created,
    score: s.score,
    upvote_ratio: t.upvoteRatio,
    num_comments: t.numComments,
    author: authorName,
    author_fullname: authorFullname(authorName),
    stickied: false,
    over_18: false,
    removed_by_category: null,
  };
}

function commentData(n: Node, depth: number, replies: Json): { [k: string]: Json } {
  const t = n.thread;
  const d: { [k: string]: Json } = {
    id: n.id,
    name: `t1_${n.id}`,
    parent_id: n.parent ? `t1_${n.parent.id}` : `t3_${t.id}`,
    link_id: `t3_${t.id}`,
    subreddit: t.spec.subreddit,
    subreddit_name_prefixed: `r/${t.spec.subreddit}`,
    author: n.author,
  };
  if (n.kind !== 'deleted' && n.kind !== 'removed') d['author_fullname'] = authorFullname(n.author);
  Object.assign(d, {
    body: n.body,
    score: n.score,
    created_utc: n.created,
    permalink: permalink(t, n.id),
    edited: n.edited,
    stickied: n.stickied,
    distinguished: n.distinguished,
    is_submitter: n.author === threadAuthors.get(t.id),
    depth,
    replies,
  });
  if (n.real) {
    d['_source_id'] = n.real.id;
    d['_source_url'] = n.real.url;
  } else if (n.kind !== 'deleted' && n.kind !== 'removed') {
    d['_filler'] = true;
  }
  return d;
}

function subtreeSize(n: Node): number {
  let c = 1;
  for (const ch of n.children) c += subtreeSize(ch);
  return c;
}

function sortedChildren(list: Node[]): Node[] {
  return [...list].sort((a, b) => {
    if (a.stickied !== b.stickied) return a.stickied ? -1 : 1;
    if (b.score !== a.score) return b.score - a.score;
    return a.created - b.created;
  });
}

interface MoreRequest {
  thread: ThreadState;
  ids: string[];
}

interface ThreadOutput {
  page: Json;
  continues: Map<string, Json>;
  moreQueue: MoreRequest[];
  moreAnswers: Json[];
  stats: { moreStubs: number; maxMoreChildren: number; continueStubs: number; pageComments: number };
}

const nodeById = new Map<string, Node>();

function moreStub(parentName: string, hidden: Node[], depth: number, out: ThreadOutput): Json {
  const ids = hidden.map((h) => h.id);
  const count = hidden.reduce((a, h) => a + subtreeSize(h), 0);
  out.moreQueue.push({ thread: hidden[0]!.thread, ids });
  out.stats.moreStubs++;
  out.stats.maxMoreChildren = Math.max(out.stats.maxMoreChildren, ids.length);
  return {
    kind: 'more',
    data: { count, name: `t1_${ids[0]}`, id: ids[0]!, parent_id: parentName, depth, children: ids },
  };
}

function continueStub(parent: Node, depth: number, out: ThreadOutput): Json {
  out.stats.continueStubs++;
  // Render the continue-this-thread answer for `parent`: it starts at the parent itself.
  const listing = renderListing([parent], null, 0, out, 'continue');
  out.continues.set(parent.id, [
    { kind: 'Listing', data: { after: null, before: null, dist: 1, children: [{ kind: 't3', data: submissionData(parent.thread) }] } },
    listing,
  ]);
  return { kind: 'more', data: { count: 0, name: 't1__', id: '_', parent_id: `t1_${parent.id}`, depth, children: [] } };
}

/**
 * Render `nodes` (siblings) as a Listing. `relDepth` is the depth of these nodes
 * in this response (Reddit's `depth` is relative to the top of the response).
 */
function renderListing(nodes: Node[], parentName: string | null, relDepth: number, out: ThreadOutput, mode: 'page' | 'continue'): Json {
  const spec = nodes[0]!.thread.spec;
  const sorted = sortedChildren(nodes);
  let limit: number;
  if (mode === 'continue' && relDepth === 0) limit = sorted.length;
  else if (relDepth === 0) limit = spec.topShown;
  else limit = spec.childShown[Math.min(relDepth - 1, spec.childShown.length - 1)]!;
  const shown = sorted.slice(0, limit);
  const hidden = sorted.slice(limit);
  const children: Json[] = [];
  for (const n of shown) {
    out.stats.pageComments += mode === 'page' ? 1 : 0;
    let replies: Json = '';
    if (n.children.length > 0) {
      if (relDepth + 1 >= spec.pageDepth) {
        replies = { kind: 'Listing', data: { after: null, before: null, children: [continueStub(n, relDepth + 1, out)] } };
      } else {
        replies = renderListing(n.children, `t1_${n.id}`, relDepth + 1, out, mode);
      }
    }
    children.push({ kind: 't1', data: commentData(n, relDepth, replies) });
  }
  if (hidden.length > 0) {
    children.push(moreStub(parentName ?? `t3_${nodes[0]!.thread.id}`, hidden, relDepth, out));
  }
  return { kind: 'Listing', data: { after: null, before: null, children } };
}

const MC_LEVELS = 3; // levels of descendants included below a requested comment
const MC_CHILDREN = 6; // children per comment included in a morechildren answer

function answerMore(out: ThreadOutput): void {
  // Process the queue one request at a time, like Reddit's one-at-a-time rule.
  while (out.moreQueue.length > 0) {
    const req = out.moreQueue.shift()!;
    for (let i = 0; i < req.ids.length; i += 100) {
      const batch = req.ids.slice(i, i + 100);
      const things: Json[] = [];
      const emit = (n: Node, level: number): void => {
        things.push({ kind: 't1', data: commentData(n, n.depth, '') });
        if (n.children.length === 0) return;
        const sorted = sortedChildren(n.children);
        const take = level < MC_LEVELS ? sorted.slice(0, MC_CHILDREN) : [];
        const rest = sorted.slice(take.length);
        for (const c of take) emit(c, level + 1);
        if (rest.length > 0) {
          const ids = rest.map((r) => r.id);
          out.moreQueue.push({ thread: req.thread, ids });
          out.stats.moreStubs++;
          out.stats.maxMoreChildren = Math.max(out.stats.maxMoreChildren, ids.length);
          things.push({
            kind: 'more',
            data: {
              count: rest.reduce((a, r) => a + subtreeSize(r), 0),
              name: `t1_${ids[0]}`,
              id: ids[0]!,
              parent_id: `t1_${n.id}`,
              depth: n.depth + 1,
              children: ids,
            },
          });
        }
      };
      for (const id of batch) emit(nodeById.get(id)!, 0);
      out.moreAnswers.push({ json: { errors: [], data: { things } } });
    }
  }
}

// ---- main ---------------------------------------------------------------------------

const threadAuthors = new Map<string, string>();

function toJson(v: Json): string {
  // Reddit serialises timestamps as floats ("1758558918.0").
  return JSON.stringify(v, null, 2).replace(/("(?:created_utc|edited)": )(-?\d+)(?=,|\n)/g, '$1$2.0') + '\n';
}

function writeJson(file: string, v: Json): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, toJson(v));
}

function main(): void {
  const labeled = loadLabeled();
  const reals = labeled.filter((r) => r.kind === 'comment' && PREFERRED_EVENTS.has(r.event));
  const usedNames = new Set<string>(['AutoModerator']);

  // Route real texts to the event they fit.
  const byEvent: Record<EventKey, LabeledRow[]> = { amazon: [], nvidia: [] };
  const flexible: LabeledRow[] = [];
  for (const r of reals) {
    if (r.event === 'amazon-openai' || /amazon|aws|trainium|bezos|jassy|2026/i.test(r.text)) byEvent.amazon.push(r);
    else if (r.event === 'nvidia-openai' || r.event === 'amd-openai') byEvent.nvidia.push(r);
    else flexible.push(r);
  }
  rng.shuffle(flexible);
  const nAmazonFlex = Math.round(flexible.length * 0.56) - byEvent.amazon.length + 4;
  byEvent.amazon.push(...flexible.slice(0, nAmazonFlex));
  byEvent.nvidia.push(...flexible.slice(nAmazonFlex));

  rmSync(OUT, { recursive: true, force: true });
  const summary: string[] = [];
  let grandThreads = 0;
  let grandComments = 0;

  for (const key of ['amazon', 'nvidia'] as const) {
    const e = EVENTS[key];
    const specs = THREADS.filter((s) => s.event === key);
    const users = makeUsers(key === 'amazon' ? 190 : 150, usedNames);
    const threads: ThreadState[] = specs.map((spec) => ({ spec, e, id: '', slug: slugify(spec.title), nodes: [], numComments: 0, upvoteRatio: Math.round((0.78 + rng.float() * 0.2) * 100) / 100 }));

    for (const t of threads) {
      buildTree(t, users);
      assignScores(t);
      threadAuthors.set(t.spec.key, pickAuthor(users, undefined));
    }

    // Special comments.
    const normals = (t: ThreadState): Node[] => t.nodes.filter((n) => n.kind === 'normal' && !n.chain);
    for (const t of threads) {
      const s = t.spec;
      const small = s.size < 30;
      // [deleted] / [removed], some with live replies below them.
      const withKids = rng.shuffle(normals(t).filter((n) => n.children.length > 0));
      const leaves = rng.shuffle(normals(t).filter((n) => n.children.length === 0));
      const nDelKids = small ? 0 : Math.max(1, Math.round(s.size / 90));
      for (let i = 0; i < nDelKids && withKids.length > 1; i++) {
        withKids.pop()!.kind = 'deleted';
        withKids.pop()!.kind = 'removed';
      }
      const nDelLeaves = Math.round(s.size * 0.025);
      for (let i = 0; i < nDelLeaves && leaves.length > 1; i++) {
        leaves.pop()!.kind = i % 2 === 0 ? 'deleted' : 'removed';
      }
      if (small && leaves.length > 0) leaves.pop()!.kind = 'deleted';
      // Chain members can be deleted too (a deleted comment in the middle of an argument).
      const chainMid = t.nodes.filter((n) => n.chain && n.depth === 3);
      if (chainMid.length > 0 && rng.chance(0.6)) chainMid[0]!.kind = 'removed';

      if (s.copypasta) {
        const n = rng.pick(normals(t).filter((x) => x.depth <= 1));
        n.kind = 'copypasta';
        n.body = COPYPASTA;
      }
      if (s.pingBot) {
        const call = rng.pick(normals(t).filter((x) => x.depth <= 2));
        call.kind = 'pingcall';
        call.body = rng.pick(['!pingmelater 1 year', '!pingmelater 6 months\n\nwant to see how this ages', '!PingMeLater 18 months "circular"']);
        const bot = newNode(t, call, call.created + rng.int(15, 90), 'PingMeLater-Bot');
        bot.kind = 'bot';
        bot.score = rng.int(1, 12);
        const when = new Date((call.created + (call.body.includes('6 months') ? 182 : call.body.includes('18') ? 548 : 365) * 86400) * 1000)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' UTC');
        bot.body = `Okay! I will ping you on **${when}** about [this comment]({PERMALINK}).\n\n${rng.int(3, 40)} other people asked to be pinged about it as well.\n\n^(beep boop, I am a bot | reply "cancel" to stop | this bot is not affiliated with Reddit)`;
      }
      if (s.tldrBot) {
        const longOnes = t.nodes.filter((x) => x.kind === 'normal' && x.depth === 0 && !x.chain);
        const target = longOnes[0]!;
        const bot = newNode(t, target, target.created + rng.int(30, 300), 'tldr-o-matic-bot');
        bot.kind = 'bot';
        bot.score = rng.int(-3, 8);
        bot.body = `**TL;DR** (auto-generated, ${rng.int(72, 94)}% shorter than the linked article):\n\n* ${e.investor} and OpenAI are discussing a large investment.\n* Part of the money would come back as spending on ${e.key === 'amazon' ? 'AWS and Trainium' : 'Nvidia systems'}.\n* Terms are not final.\n\n^(I summarise long links. Feedback? Reply "bad summary".)`;
      }
    }

    // Real texts: distribute over the threads, weighted by size.
    const realPool = rng.shuffle([...byEvent[key]]);
    const slots: Node[] = [];
    for (const t of threads) {
      const ns = rng.shuffle(normals(t).filter((n) => n.kind === 'normal'));
      const want = Math.round((realPool.length * t.spec.size * t.spec.realWeight) / specs.reduce((a, s) => a + s.size * s.realWeight, 0));
      slots.push(...ns.slice(0, Math.min(want, Math.floor(ns.length * 0.5))));
      // Chains get real texts too, where available.
      const chainNodes = t.nodes.filter((n) => n.chain && n.kind === 'normal');
      if (chainNodes.length > 0) slots.push(chainNodes[0]!);
    }
    for (const n of slots) {
      const r = realPool.pop();
      if (!r) break;
      n.real = r;
      n.body = r.text;
    }
    // Any leftover real texts go into remaining normal slots.
    for (const t of threads) {
      for (const n of rng.shuffle(normals(t).filter((x) => x.kind === 'normal' && !x.real))) {
        if (realPool.length === 0) break;
        if (rng.chance(0.5)) continue;
        const r = realPool.pop()!;
        n.real = r;
        n.body = r.text;
      }
    }
    if (realPool.length > 0) throw new Error(`${realPool.length} real texts left over for ${key}`);

    // Filler bodies, in time order so parents have text before quotes are made.
    for (const t of threads) {
      const ordered = [...t.nodes].sort((a, b) => a.created - b.created || a.seq - b.seq);
      for (const n of ordered) {
        if (n.kind === 'deleted') n.body = '[deleted]';
        else if (n.kind === 'removed') n.body = '[removed]';
        if (n.body !== '') continue;
        const p = n.parent;
        if (p && (p.kind === 'normal' || p.kind === 'quote') && p.body.length > 40 && rng.chance(0.09)) {
          n.kind = 'quote';
          let reply = fillerComment(e, true);
          if (reply.length < 6) reply = fillerComment(e, true);
          n.body = `${quoteOf(p.body.replace(/^> .*\n\n/, ''))}\n\n${reply}`;
        } else {
          n.body = fillerComment(e, n.depth > 0);
        }
      }
      // Deleted/removed authors.
      for (const n of t.nodes) if (n.kind === 'deleted' || n.kind === 'removed') n.author = '[deleted]';
      // Edits.
      for (const n of t.nodes) {
        if (n.kind === 'deleted' || n.kind === 'removed' || n.kind === 'automod' || n.kind === 'bot') continue;
        if (rng.chance(0.055)) {
          n.edited = n.created + rng.int(90, 30000);
          if (!n.real && n.kind === 'normal' && n.body.length > 12 && rng.chance(0.5)) n.body += rng.pick(EDIT_NOTES);
        }
      }
    }

    // Ids: threads and comments numbered in time order, like Reddit's sequences.
    let tSeq = parseInt(key === 'amazon' ? '1olq2z0' : '1nd8k40', 36);
    for (const t of [...threads].sort((a, b) => a.spec.created - b.spec.created)) {
      tSeq += rng.int(900, 40000);
      t.id = claimId(tSeq.toString(36));
      const author = threadAuthors.get(t.spec.key)!;
      threadAuthors.set(t.id, author);
    }
    let cSeq = parseInt(key === 'amazon' ? 'nmq7000' : 'ncx1000', 36);
    const allNodes = threads.flatMap((t) => t.nodes).sort((a, b) => a.created - b.created || a.seq - b.seq);
    for (const n of allNodes) {
      cSeq += rng.int(1, 60);
      n.id = claimId(cSeq.toString(36));
      nodeById.set(n.id, n);
    }
    for (const t of threads) {
      t.numComments = t.nodes.length + rng.int(1, 9);
      for (const n of t.nodes) if (n.parent) n.body = n.body.replace('{PERMALINK}', permalink(t, n.parent.id));
    }

    // Render and write.
    const dir = path.join(OUT, e.id);
    const searchChildren: Json[] = [];
    let eventComments = 0;
    const lines: string[] = [];
    for (const t of threads) {
      searchChildren.push({ kind: 't3', data: submissionData(t) });
      const out: ThreadOutput = {
        page: null,
        continues: new Map(),
        moreQueue: [],
        moreAnswers: [],
        stats: { moreStubs: 0, maxMoreChildren: 0, continueStubs: 0, pageComments: 0 },
      };
      const top = t.nodes.filter((n) => n.parent === null);
      const listing = renderListing(top, `t3_${t.id}`, 0, out, 'page');
      out.page = [
        { kind: 'Listing', data: { after: null, before: null, dist: 1, children: [{ kind: 't3', data: submissionData(t) }] } },
        listing,
      ];
      answerMore(out);
      writeJson(path.join(dir, 'comments', `${t.id}.json`), out.page);
      for (const [cid, v] of out.continues) writeJson(path.join(dir, 'comments', t.id, `${cid}.json`), v);
      writeJson(path.join(dir, 'morechildren', `${t.id}.json`), out.moreAnswers);

      const maxDepth = Math.max(...t.nodes.map((n) => n.depth));
      const count = (k: NodeKind): number => t.nodes.filter((n) => n.kind === k).length;
      const inWindow = t.spec.created >= e.window.from && t.spec.created <= e.window.to;
      eventComments += t.nodes.length;
      lines.push(
        `  ${t.id} r/${t.spec.subreddit} ${inWindow ? 'in-window ' : 'OUTSIDE-window'} comments=${t.nodes.length} num_comments=${t.numComments}` +
          ` real=${t.nodes.filter((n) => n.real).length} maxDepth=${maxDepth} page=${out.stats.pageComments}` +
          ` moreStubs=${out.stats.moreStubs} maxMoreChildren=${out.stats.maxMoreChildren} continueStubs=${out.stats.continueStubs}` +
          ` continueFiles=${out.continues.size} morechildrenAnswers=${out.moreAnswers.length}` +
          ` deleted=${count('deleted')} removed=${count('removed')} automod=${count('automod')} bots=${count('bot')}` +
          ` copypasta=${count('copypasta')} quotes=${count('quote')} edited=${t.nodes.filter((n) => n.edited !== false).length}`,
      );
    }
    // Search results, newest first (sort=new).
    searchChildren.sort((a, b) => {
      const ca = ((a as { data: { created_utc: number } }).data.created_utc);
      const cb = ((b as { data: { created_utc: number } }).data.created_utc);
      return cb - ca;
    });
    writeJson(path.join(dir, 'search.json'), { kind: 'Listing', data: { after: null, before: null, dist: searchChildren.length, children: searchChildren } });

    const realCount = threads.reduce((a, t) => a + t.nodes.filter((n) => n.real).length, 0);
    summary.push(`${e.id}: threads=${threads.length} comments=${eventComments} real=${realCount} filler-or-placeholder=${eventComments - realCount}`);
    summary.push(...lines);
    grandThreads += threads.length;
    grandComments += eventComments;
  }
  const perAuthor = new Map<string, number>();
  for (const n of nodeById.values()) {
    if (n.kind === 'automod' || n.kind === 'bot' || n.author === '[deleted]') continue;
    perAuthor.set(n.author, (perAuthor.get(n.author) ?? 0) + 1);
  }
  const multi = [...perAuthor.values()].filter((c) => c >= 2).length;
  const most = Math.max(...perAuthor.values());
  summary.push(
    `total: threads=${grandThreads} comments=${grandComments} human-usernames=${perAuthor.size} (with 2+ comments: ${multi}, most active: ${most}) (seed ${SEED})`,
  );
  console.log(summary.join('\n'));
}

main();
