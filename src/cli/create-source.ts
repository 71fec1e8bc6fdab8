import { resolve } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { createArcticShiftSource } from '../sources/arctic-shift-source.js';
import { createFixtureSource } from '../sources/fixture-source.js';
import { createRedditSource } from '../sources/reddit-source.js';
import { hasRedditCredentials } from '../reddit/reddit-credentials.js';
import { withRedditRecheck } from '../sources/with-reddit-recheck.js';
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
    case 'arctic-shift': {
      const archive = createArcticShiftSource({ env: choice.env });
      // The archive keeps what it first saw, so with Reddit credentials the re-check asks Reddit what was deleted
      // since. A partial set fails here as it would for --source reddit (naming the variables, never the values).
      return hasRedditCredentials(choice.env) ? withRedditRecheck(archive, createRedditSource(choice.env)) : archive;
    }
    default:
      throw new ConfigError(`unknown --source ${String(choice.name satisfies never)}`);
  }
}
