// Preloaded into a CLI process the bench times (`node --import`): on exit, appends the process's own peak RSS
// (Node alone, not its Chromium children) to the file named by BENCH_RSS_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file)
  process.on('exit', () => {
    appendFileSync(
      file,
      `${JSON.stringify({ pid: process.pid, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
    );
  });
