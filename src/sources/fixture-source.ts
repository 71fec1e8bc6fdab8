import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { createFixtureRedditApi } from './fixture-reddit-api.js';
import { createRedditApiSource } from './reddit-api-source.js';
import type { Source, SourceContext } from './source.js';

/** The bundled offline data: recorded Reddit responses under <fixturesDir>/reddit/<event>/. */
export function createFixtureSource(fixturesDir: string, eventId: string): Source {
  const eventDir = join(fixturesDir, 'reddit', eventId);
  if (!existsSync(eventDir)) {
    throw new ConfigError(`No recorded fixtures for event "${eventId}" in ${eventDir}`);
  }
  let current: SourceContext | undefined;
  const api = createFixtureRedditApi(eventDir, (path) => current?.progress?.({ kind: 'request', path }));
  return createRedditApiSource('fixtures', api, (ctx) => {
    current = ctx;
  });
}
