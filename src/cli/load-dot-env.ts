import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from '../errors/errors.js';
import { stripBom } from '../util/strip-bom.js';

/** `NAME=`, optionally after `export `, as Node's .env parser reads it. */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/;

/**
 * Loads `.env` from `cwd` into `env` when there is one, so "copy .env.example to .env and fill in" is all the setup,
 * under cron too (a shell's `. ./.env` breaks on a value with spaces or parentheses). Variables already set in `env`
 * win. Returns the path read, or null when there is no .env. A file that cannot be read, or a line Node's parser
 * would misread, is a ConfigError naming the file and the line, never a value.
 */
export function loadDotEnv(cwd: string, env: NodeJS.ProcessEnv): string | null {
  const path = join(cwd, '.env');
  let text: string;
  try {
    text = stripBom(readFileSync(path, 'utf8'));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new ConfigError(`${path} cannot be read (${code ?? (cause as Error).message})`, { cause });
  }
  const problem = findMalformedLine(text);
  if (problem !== null) throw new ConfigError(`${path}: ${problem} (values are not shown here)`);
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] === undefined && value !== undefined) env[name] = value;
  }
  return path;
}

/**
 * The first line Node's parser (util.parseEnv) would skip or cut silently: not `NAME=value`, a comment or blank; a
 * quote never closed; text after a closing quote (quotes cannot be escaped); an unquoted `#` that is not preceded by a
 * space, which starts a comment and would cut a password like `ab#cd` to `ab`.
 */
function findMalformedLine(text: string): string | null {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = ASSIGNMENT.exec(line);
    if (match === null) return `line ${i + 1} is not NAME=value, a comment or blank`;
    const name = match[1]!;
    const raw = line.slice(match[0].length);
    const value = raw.trimStart();
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // a quoted value may go on over several lines, up to the next quote of its kind
      let rest = value.slice(1);
      let last = i;
      while (!rest.includes(quote)) {
        last++;
        if (last >= lines.length) return `line ${i + 1}: the quoted value of ${name} is never closed`;
        rest = lines[last]!;
      }
      const after = rest.slice(rest.indexOf(quote) + 1).trim();
      if (after !== '' && !after.startsWith('#')) {
        return `line ${last + 1}: text after the closing quote of ${name} (a quote cannot be escaped inside quotes: use the other kind of quote)`;
      }
      i = last;
    } else if (/(^|\S)#/.test(raw)) {
      return `line ${i + 1}: the value of ${name} has a # that would start a comment and cut it: put the value in quotes`;
    }
  }
  return null;
}
