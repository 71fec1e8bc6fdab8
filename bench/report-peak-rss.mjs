// Preloaded with `node --import` into a measured CLI process: on exit, writes the process's peak RSS (MB)
// to the file named by REACTIONLENS_BENCH_RSS_FILE, so the bench measures the real command, not a copy of it.
// The process's own peak (VmHWM), as bench/peak-rss.ts: getrusage's maxrss survives fork and exec on Linux, so it
// would report the spawning bench's peak whenever that was higher.
import { readFileSync, writeFileSync } from 'node:fs';

function peakRssKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]);
  } catch {
    // no /proc (macOS): getrusage is what there is
  }
  return process.resourceUsage().maxRSS;
}

const out = process.env.REACTIONLENS_BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(peakRssKb() / 1024)));
