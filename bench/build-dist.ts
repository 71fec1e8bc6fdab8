import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Compiles src/ to dist/ so a benchmark's measured child runs the same compiled
 * JavaScript the CLI runs (the TypeScript loader would add ~40 MB of RSS of its own).
 */
export function buildDist(): void {
  const config = fileURLToPath(new URL('../tsconfig.build.json', import.meta.url));
  const build = spawnSync('npx', ['tsc', '-p', config], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bench: build failed:\n${build.stdout}${build.stderr}`);
}
