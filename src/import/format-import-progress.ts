import { basename } from 'node:path';
import type { ImportProgress } from './import-types.js';

/** One progress line: bytes done with rate and ETA, lines, what was kept. Pure, so it is tested as text. */
export function formatImportProgress(p: ImportProgress): string {
  const seconds = p.elapsedMs / 1000;
  const fresh = Math.max(0, p.bytesRead - p.resumedBytes);
  const rate = seconds > 0 ? fresh / seconds : 0;
  const left = Math.max(0, p.totalBytes - p.bytesRead);
  const eta = rate > 0 ? formatDuration(left / rate) : '–';
  const percent = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytesRead / p.totalBytes) * 100)) : 100;
  const lineRate = seconds > 0 ? p.lines / seconds : 0;
  const parts = [
    `${basename(p.path)} ${formatBytes(p.bytesRead)} / ${formatBytes(p.totalBytes)} (${percent}%)`,
    `${formatBytes(rate)}/s`,
    `ETA ${eta}`,
    `${formatCountOf(p.lines, 'line')} (${formatCount(lineRate)}/s)`,
    `kept ${formatCountOf(p.threadsKept, 'thread')}, ${formatCountOf(p.commentsKept, 'comment')}`,
  ];
  if (p.badLines > 0) parts.push(formatCountOf(p.badLines, 'bad line'));
  return parts.join(' · ');
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

export function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e8 ? 0 : 1)} M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)} k`;
  return String(Math.round(n));
}

/** A count and its noun, singular for exactly one ("1 thread", "2 threads", "12 k comments"); `show` writes the number. */
export function formatCountOf(n: number, one: string, show: (n: number) => string = formatCount): string {
  return `${show(n)} ${n === 1 ? one : `${one}s`}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return h > 0 ? `${h}:${mm}:${String(sec).padStart(2, '0')}` : `${mm}:${String(sec).padStart(2, '0')}`;
}
