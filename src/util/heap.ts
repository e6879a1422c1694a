// Full garbage collections where the tool knows that much of a large heap has just become garbage, so peak memory follows what is alive.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/*
 * Why the tool collects garbage itself: V8 lets the old generation grow to two to four times what survived the
 * last full collection before it collects again. A 150,000-pod load keeps about 520 MB of facts, and the
 * parse and copy garbage around them took the process to 1.2 GB; after the evaluation the facts themselves are
 * garbage, which V8 kept through the writing of the pack (1.6 GB peak). A hard heap cap
 * (--max-old-space-size) would bound this too, but it turns a larger cluster into a crash; collecting at these
 * points costs a few seconds and never fails.
 */

/** Below this, a collection saves too little to be worth a pause (and small runs, like the tests, skip it). */
const WORTH_COLLECTING = 192 * 1024 * 1024;
/** How far the heap may grow past what survived the last collection before a load collects again. */
const GROWTH = 1.25;
const GROWTH_SLACK = 64 * 1024 * 1024;

let collector: (() => void) | undefined;

function fullCollection(): () => void {
  if (collector) return collector;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collector = exposed);
  // Node's own `--expose-gc`, switched on for contexts made from now on: the flag only adds the function.
  setFlagsFromString('--expose-gc');
  return (collector = runInNewContext('gc') as () => void);
}

function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

/**
 * A phase has ended whose data is no longer referenced (the facts after evaluation, a writer's buffers): collects
 * when the heap is large enough to be worth it, and says whether it did.
 */
export function releaseGarbage(worthCollecting = WORTH_COLLECTING): boolean {
  if (heapUsed() < worthCollecting) return false;
  fullCollection()();
  return true;
}

/**
 * For a long phase that keeps much of what it reads (the snapshot load): `check()` after each step collects
 * when the heap has grown by a quarter past what survived the previous collection.
 */
export class HeapBudget {
  private live = 0;
  private count = 0;

  constructor(private readonly worthCollecting = WORTH_COLLECTING) {}

  /** Full collections this budget has made. */
  get collections(): number {
    return this.count;
  }

  check(): void {
    const used = heapUsed();
    if (used < this.worthCollecting) return;
    if (this.count > 0 && used < this.live * GROWTH + GROWTH_SLACK) return;
    fullCollection()();
    this.count++;
    this.live = heapUsed();
  }
}
