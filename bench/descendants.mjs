// @ts-check
// Samples the summed resident memory of this process's descendants (Chromium's processes), which maxRSS does not see.
import { readdirSync, readFileSync } from 'node:fs';

/** @returns {Map<number, { ppid: number; rssKiB: number }>} */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      table.set(Number(name), { ppid, rssKiB });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

function descendantsRss() {
  const table = processTable();
  const mine = new Set([process.pid]);
  let total = 0;
  // Parents have lower pids almost always; loop until no more are found to be safe.
  for (let changed = true; changed; ) {
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

/** Starts sampling every 250 ms; `stop()` returns the highest sum seen, in KiB. */
export function sampleDescendants() {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, descendantsRss());
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, descendantsRss());
    },
  };
}
