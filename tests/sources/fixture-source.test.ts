import { loadEvent } from '../../src/events/load-events.js';
import { createFixtureSource } from '../../src/sources/fixture-source.js';
import { describeSourceContract } from './source-contract.js';

describeSourceContract('fixtures (amazon-openai-2025-12)', () => {
  const event = loadEvent('events', 'amazon-openai-2025-12');
  const now = event.window.to + 86_400;
  return {
    source: createFixtureSource('fixtures', event.id),
    event,
    now: () => now,
    unknownThreadId: 'zzzzzzz',
    maxThreads: 10,
  };
});
