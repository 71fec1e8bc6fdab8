import { describe, expect, it } from 'vitest';
import { createWaitBudget } from '../../src/util/create-wait-budget.js';

describe('createWaitBudget', () => {
  it('counts waits side by side once, on the clock', () => {
    const budget = createWaitBudget(600);
    // four requests told at once to wait for the same reset
    for (let i = 0; i < 4; i++) expect(budget.take(1000, 541)).toBe(true);
    expect(budget.spentMs()).toBe(541);
  });

  it('refuses a wait that would take the total past the limit, and counts nothing for it', () => {
    const budget = createWaitBudget(660);
    expect(budget.take(0, 541)).toBe(true);
    expect(budget.take(541, 541)).toBe(false);
    expect(budget.spentMs()).toBe(541);
    // a shorter one still fits
    expect(budget.take(541, 100)).toBe(true);
    expect(budget.spentMs()).toBe(641);
  });
});
