/**
 * Waits `ms` milliseconds; rejects with the signal's reason as soon as it is
 * aborted, so a Ctrl-C during a rate-limit wait stops the run at once instead
 * of after the wait.
 */
export function delay(ms: number, options: { signal?: AbortSignal | undefined } = {}): Promise<void> {
  const { signal } = options;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
