import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/errors.js';
import { listEvents, loadEvent } from '../../src/events/load-events.js';

const valid = {
  id: 'demo-event',
  title: 'Demo',
  description: 'One line.',
  window: { from: '2025-12-16', to: '2025-12-31' },
  queries: ['amazon openai'],
  subreddits: ['r/stocks', 'technology'],
  seedThreads: ['https://www.reddit.com/r/stocks/comments/1pabcd/amazon_openai/', 't3_1pxyz9'],
};

describe('event files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-events-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, body: unknown): void =>
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));

  it('parses a valid event into our types (epoch window, bare subreddit names, seed ids)', () => {
    write('demo-event.json', valid);
    const event = loadEvent(dir, 'demo-event');
    expect(event.window).toEqual({ from: Date.parse('2025-12-16T00:00:00Z') / 1000, to: Date.parse('2025-12-31T23:59:59Z') / 1000 });
    expect(event.subreddits).toEqual(['stocks', 'technology']);
    expect(event.seedThreads).toEqual(['1pabcd', '1pxyz9']);
    expect(event.configHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each<[string, unknown, RegExp]>([
    ['broken JSON', '{"id": "demo-event",', /demo-event\.json: not valid JSON/],
    ['a missing title', { ...valid, title: undefined }, /demo-event\.json: invalid event: title:/],
    ['a bad date', { ...valid, window: { from: '16/12/2025', to: '2025-12-31' } }, /window\.from: must be an ISO date/],
    ['a reversed window', { ...valid, window: { from: '2026-01-01', to: '2025-12-31' } }, /window: window\.from must not be after/],
    ['an unknown field', { ...valid, subreddit: ['x'] }, /Unrecognized key/i],
    ['an impossible date', { ...valid, window: { from: '2025-02-30', to: '2025-12-31' } }, /invalid event: window\.from: 2025-02-30 is not a calendar date \(2025-02 has 28 days\)/],
    ['an impossible date-time', { ...valid, window: { from: '2025-12-16', to: '2025-11-31T12:00:00Z' } }, /window\.to: 2025-11-31 is not a calendar date/],
    ['an unknown field inside window', { ...valid, window: { ...valid.window, tz: 'Europe/Berlin' } }, /invalid event: window: Unrecognized key: "tz"/],
    ['a bad seed', { ...valid, seedThreads: ['not a url!'] }, /seedThreads\.0: not a thread id/],
    ['no queries', { ...valid, queries: [] }, /queries: needs at least one search query/],
  ])('names the file and the field for %s', (_name, body, message) => {
    write('demo-event.json', body);
    expect(() => loadEvent(dir, 'demo-event')).toThrow(ConfigError);
    expect(() => loadEvent(dir, 'demo-event')).toThrow(message);
  });

  it('accepts 29 February in a leap year, and a date-only "to" on the day "from" starts (the whole day)', () => {
    write('demo-event.json', { ...valid, window: { from: '2024-02-29', to: '2024-03-01' } });
    expect(loadEvent(dir, 'demo-event').window.from).toBe(Date.parse('2024-02-29T00:00:00Z') / 1000);
    write('demo-event.json', { ...valid, window: { from: '2025-12-16T12:00:00Z', to: '2025-12-16' } });
    expect(loadEvent(dir, 'demo-event').window).toEqual({ from: Date.parse('2025-12-16T12:00:00Z') / 1000, to: Date.parse('2025-12-16T23:59:59Z') / 1000 });
    write('demo-event.json', { ...valid, window: { from: '2025-12-17T00:00:00Z', to: '2025-12-16' } });
    expect(() => loadEvent(dir, 'demo-event')).toThrow(/window: window\.from must not be after window\.to/);
  });

  it('names an impossible date alone, without also calling the window reversed', () => {
    // Date.parse reads 2025-11-31 as 1 December, which is before `from`: that is not a second problem
    write('demo-event.json', { ...valid, window: { from: '2025-12-31', to: '2025-11-31' } });
    expect(() => loadEvent(dir, 'demo-event')).toThrow(/window\.to: 2025-11-31 is not a calendar date/);
    expect(() => loadEvent(dir, 'demo-event')).not.toThrow(/must not be after/);
  });

  it('reads a file that starts with a UTF-8 BOM', () => {
    write('demo-event.json', `\uFEFF${JSON.stringify(valid)}`);
    expect(loadEvent(dir, 'demo-event').id).toBe('demo-event');
  });

  it('rejects an id that does not match its file name, and lists known events for an unknown one', () => {
    write('other.json', valid);
    expect(() => loadEvent(dir, 'other')).toThrow(/does not match the file name/);
    expect(() => loadEvent(dir, 'nope')).toThrow(/Known events: other/);
  });

  it('lists every valid event and reports the bad ones without losing the others', () => {
    write('demo-event.json', valid);
    write('broken.json', '{');
    const { events, errors } = listEvents(dir);
    expect(events.map((e) => e.id)).toEqual(['demo-event']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/broken\.json/);
  });

  it('names the file of a bad file name, and refuses a blank title', () => {
    write('Bad_Name.json', { ...valid, id: 'bad-name' });
    write('blank-title.json', { ...valid, id: 'blank-title', title: '   ' });
    const { events, errors } = listEvents(dir);
    expect(events).toEqual([]);
    const messages = errors.map((e) => e.message);
    expect(messages.some((m) => m.includes(join(dir, 'Bad_Name.json')) && /file name/.test(m))).toBe(true);
    expect(messages.some((m) => m.includes('blank-title.json') && /title/.test(m))).toBe(true);
  });

  it('a missing events folder, or a file given as the folder, is a config error naming it, not "no events"', () => {
    write('demo-event.json', valid);
    for (const [path, reason] of [[join(dir, 'missing'), /does not exist/], [join(dir, 'demo-event.json'), /is a file, not a folder/]] as const) {
      expect(() => listEvents(path)).toThrow(ConfigError);
      expect(() => listEvents(path)).toThrow(`The events folder ${path} `);
      expect(() => listEvents(path)).toThrow(reason);
      expect(() => loadEvent(path, 'demo-event')).toThrow(`The events folder ${path} `);
    }
  });

  it('an event "file" that is a directory is named as a directory, not as an unknown event that is also listed as known', () => {
    write('demo-event.json', valid);
    mkdirSync(join(dir, 'direv.json'));
    const path = join(dir, 'direv.json');
    expect(() => loadEvent(dir, 'direv')).toThrow(ConfigError);
    expect(() => loadEvent(dir, 'direv')).toThrow(`${path} is a directory, not an event file`);
    expect(() => loadEvent(dir, 'direv')).not.toThrow(/Unknown event/);
    const { events, errors } = listEvents(dir);
    expect(events.map((e) => e.id)).toEqual(['demo-event']);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(`${path} is a directory`)]);
  });

  it('a folder with no event files (*.json) is a config error naming it, not "no events"', () => {
    write('notes.txt', 'not an event');
    expect(() => listEvents(dir)).toThrow(ConfigError);
    expect(() => listEvents(dir)).toThrow(`The events folder ${dir} has no event files (*.json)`);
    expect(() => loadEvent(dir, 'demo-event')).toThrow(`The events folder ${dir} has no event files (*.json)`);
  });

  it('validates the two bundled events', () => {
    const { events, errors } = listEvents(join(import.meta.dirname, '..', '..', 'events'));
    expect(errors).toEqual([]);
    expect(events.map((e) => e.id)).toEqual(['amazon-openai-2025-12', 'nvidia-openai-2025-09']);
  });
});
