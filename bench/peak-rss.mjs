// Plain JavaScript, so the bench's children that run over dist/ (and the preload of a measured CLI) can import it.
import { readFileSync } from 'node:fs';

/**
 * This process's own peak RSS in KiB. Not `process.resourceUsage().maxRSS` where Linux has /proc: getrusage's maxrss
 * survives fork and exec, so a child spawned by a bench that holds 400 MB (generated dumps, a compressor's window)
 * reports at least 400 MB whatever it used itself. VmHWM is the peak of the process's own address space.
 */
export function peakRssKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]);
  } catch {
    // no /proc (macOS): getrusage is what there is
  }
  return process.resourceUsage().maxRSS;
}
