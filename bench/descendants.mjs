// @ts-check
// Samples the summed proportional memory (PSS) of this process's descendants (Chromium's processes), which maxRSS does not see.
import { readdirSync, readFileSync } from 'node:fs';

/** @returns {Map<number, { ppid: number; rssKiB: number }>} */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      table.set(Number(name), {
        ppid,
        rssKiB: proportional(name) ?? Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/**
 * PSS splits pages shared between Chromium's processes (its binary, shared memory) among them, so the
 * sum is the memory really used; summing RSS would count the shared pages once per process.
 * @param {string} pid
 */
function proportional(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const pss = /^Pss:\s+(\d+)/m.exec(text)?.[1];
    return pss === undefined ? undefined : Number(pss);
  } catch {
    return undefined;
  }
}

/** @param {number} root */
function descendantsRss(root) {
  const table = processTable();
  const mine = new Set([root]);
  let total = 0;
  // Parents have lower pids almost always; loop until no more are found to be safe.
  for (let changed = true; changed;) {
    changed = false;
    for (const [pid, info] of table) {
      if (!mine.has(pid) && mine.has(info.ppid)) {
        mine.add(pid);
        total += info.rssKiB;
        changed = true;
      }
    }
  }
  return total;
}

/**
 * Starts sampling the descendants of `root` (this process by default; `root` itself not counted) every 250 ms;
 * `stop()` returns the highest sum seen, in KiB.
 * @param {number} [root]
 */
export function sampleDescendants(root = process.pid) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, descendantsRss(root));
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, root === process.pid ? descendantsRss(root) : 0);
    },
  };
}
