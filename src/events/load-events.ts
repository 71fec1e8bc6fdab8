import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { parseConfigJson } from '../errors/parse-config-json.js';
import { hashText } from '../util/hash-text.js';
import { stripBom } from '../util/strip-bom.js';
import type { EventConfig } from '../types.js';
import { eventFileSchema, toWindowSeconds } from './event-schema.js';

/** Parses one event file's bytes; errors name the file and the field. */
export function parseEventFile(path: string, fileText: string): EventConfig {
  // an editor's BOM is not part of the JSON
  const bytes = stripBom(fileText);
  const e = parseConfigJson(bytes, eventFileSchema, path, 'invalid event');
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    window: toWindowSeconds(e.window),
    queries: e.queries,
    subreddits: e.subreddits.map((s) => s.replace(/^r\//, '')),
    seedThreads: e.seedThreads,
    bots: e.bots,
    configHash: hashText(bytes),
  };
}

/** What an event file may be called (the id schema in event-schema.ts is stricter and names the field). */
const EVENT_FILE_ID = /^[a-z0-9-]+$/;

export function loadEvent(eventsDir: string, id: string): EventConfig {
  if (!EVENT_FILE_ID.test(id)) throw new ConfigError(`Unknown event "${id}": event ids are slugs like amazon-openai-2025-12`);
  const path = join(eventsDir, `${id}.json`);
  let bytes: string;
  try {
    bytes = readFileSync(path, 'utf8');
  } catch (cause) {
    // a folder or an unreadable file under the event's name is there: "unknown event" would contradict the list below
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new ConfigError(`${path} is a directory, not an event file: event "${id}" needs a JSON file by that name`, { cause });
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new ConfigError(`Cannot read the event file ${path}: ${(cause as Error).message}`, { cause });
    // a missing or wrong --events-dir is named as such (listEventIds throws), not as an unknown event
    const known = listEventIds(eventsDir);
    throw new ConfigError(
      `Unknown event "${id}": no ${path}. Known events: ${known.length > 0 ? known.join(', ') : '(none)'}`,
    );
  }
  const event = parseEventFile(path, bytes);
  if (event.id !== id) throw new ConfigError(`${path}: id "${event.id}" does not match the file name "${id}.json"`);
  return event;
}

/**
 * The event ids in the folder. A folder that is missing, is a file or holds no event files is a config error naming
 * it: read as "no events", `events` (the command that validates the config) passed with nothing configured.
 */
export function listEventIds(eventsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(eventsDir);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${(cause as Error).message})`;
    throw new ConfigError(`The events folder ${eventsDir} ${reason}: --events-dir takes the folder of event JSON files`, { cause });
  }
  const ids = names
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  if (ids.length === 0) {
    throw new ConfigError(`The events folder ${eventsDir} has no event files (*.json): --events-dir takes the folder of event JSON files`);
  }
  return ids;
}

/** Every event in the folder; a bad file is reported, not fatal for the others. */
export function listEvents(eventsDir: string): { events: EventConfig[]; errors: ConfigError[] } {
  const events: EventConfig[] = [];
  const errors: ConfigError[] = [];
  for (const id of listEventIds(eventsDir)) {
    if (!EVENT_FILE_ID.test(id)) {
      errors.push(new ConfigError(`${join(eventsDir, `${id}.json`)}: the file name must be the event id, a slug like amazon-openai-2025-12.json`));
      continue;
    }
    try {
      events.push(loadEvent(eventsDir, id));
    } catch (error) {
      if (error instanceof ConfigError) errors.push(error);
      else throw error;
    }
  }
  return { events, errors };
}
