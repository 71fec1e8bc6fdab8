import { resolve } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { createArcticShiftSource } from '../sources/arctic-shift-source.js';
import { createFixtureSource } from '../sources/fixture-source.js';
import { createRedditSource } from '../sources/reddit-source.js';
import type { Source } from '../sources/source.js';
import type { SourceName } from './parse-options.js';

export interface SourceChoice {
  name: SourceName;
  eventId: string;
  fixturesDir: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Builds the adapter behind --source. Credentials and base URLs come from the environment only. */
export async function createSource(choice: SourceChoice): Promise<Source> {
  switch (choice.name) {
    case 'fixtures':
      return createFixtureSource(resolve(choice.cwd, choice.fixturesDir ?? 'fixtures'), choice.eventId);
    case 'reddit':
      // Throws a SourceError naming the missing variables before any request.
      return createRedditSource(choice.env);
    case 'arctic-shift':
      return createArcticShiftSource({ env: choice.env });
    default:
      throw new ConfigError(`unknown --source ${String(choice.name satisfies never)}`);
  }
}
