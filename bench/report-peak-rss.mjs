// Preloaded with `node --import` into a measured CLI process: on exit, writes the process's peak RSS (MB)
// to the file named by REACTIONLENS_BENCH_RSS_FILE, so the bench measures the real command, not a copy of it.
import { writeFileSync } from 'node:fs';
import { peakRssKb } from './peak-rss.mjs';

const out = process.env.REACTIONLENS_BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(peakRssKb() / 1024)));
