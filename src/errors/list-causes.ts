// One walk down an error's `cause` chain, shared by the retry decision and the error describer so they look at the
// same links: undici wraps the socket's error in `TypeError: fetch failed`, and our own SourceErrors wrap that again.

/** The error and its causes, outermost first: objects only (some interceptors and proxies reject with plain `{ code, message }` objects), at most `depth` links. */
export function listCauses(error: unknown, depth = 5): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  // bounded: a cause chain can loop (an error made its own cause), and five links is deeper than any real one
  while (chain.length < depth && typeof current === 'object' && current !== null) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}
