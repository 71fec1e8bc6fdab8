import { resolve } from 'node:path';
import { ConfigError } from '../errors/errors.js';
import { createFixtureSource } from '../sources/fixture-source.js';
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
    default:
      throw new ConfigError(`--source ${choice.name} is not available in this build`);
  }
}
