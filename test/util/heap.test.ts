// Collections the tool asks for itself: they happen above the threshold, free what nothing references, and not below it.
import { describe, expect, it } from 'vitest';
import { HeapBudget, releaseGarbage } from '../../src/util/heap.js';

/** A WeakRef to an object nothing else holds, made in a job of its own so the current one keeps nothing alive. */
async function unreferenced(): Promise<WeakRef<object>> {
  const ref = new WeakRef({ payload: new Array(10_000).fill('x') });
  await new Promise((resolve) => setImmediate(resolve));
  return ref;
}

describe('releaseGarbage', () => {
  it('collects what nothing references once the heap is above the threshold', async () => {
    const ref = await unreferenced();
    expect(releaseGarbage(0)).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves a heap below the threshold alone (the test suite’s small runs pay no pause)', () => {
    expect(releaseGarbage(Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('HeapBudget', () => {
  it('collects on the first check above the threshold, then only after the heap grows past what survived', async () => {
    const budget = new HeapBudget(0);
    const ref = await unreferenced();
    budget.check();
    expect(budget.collections).toBe(1);
    expect(ref.deref()).toBeUndefined();
    // Nothing allocated since: the heap is within a quarter (plus slack) of what survived, so no pause.
    budget.check();
    expect(budget.collections).toBe(1);
  });

  it('never collects below its threshold', () => {
    const budget = new HeapBudget(Number.MAX_SAFE_INTEGER);
    budget.check();
    expect(budget.collections).toBe(0);
  });
});
