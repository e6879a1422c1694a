// Progress on stderr for long runs: a live line on a terminal (cli-progress), plain lines otherwise, nothing with --quiet.
import cliProgress from 'cli-progress';
import { isQuiet, setLineSink } from './log.js';

export interface ProgressCounts {
  objects: number;
  requirements: number;
  pages: number;
}

/** What a long command reports: the stage it is in, and counts that only grow. */
export interface Progress {
  /** A new stage (e.g. "evaluate cis-kubernetes-1.11.1"); `total` sizes the bar when the amount of work is known. */
  stage(name: string, total?: number): void;
  /** Work done within the stage (0..total). */
  advance(value: number): void;
  /** Adds to the running counts shown on the line. */
  count(delta: Partial<ProgressCounts>): void;
  /** The run finished: plain mode prints its stage lines now. */
  stop(): void;
  /** The run failed: the display is cleared and nothing more is printed, so an error stays one line. */
  abandon(): void;
}

const SILENT: Progress = { stage() {}, advance() {}, count() {}, stop() {}, abandon() {} };

/** Picks the display for this run: live on a TTY, plain lines when stderr is a file or pipe, silent with --quiet. */
export function startProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (isQuiet()) return SILENT;
  return stream.isTTY ? liveProgress(stream) : plainProgress(stream);
}

/**
 * One line per stage with its time and the running counts, for logs. They are printed when the run ends
 * well: bad input found half-way stays a single line on stderr.
 */
function plainProgress(stream: NodeJS.WriteStream): Progress {
  const counts: ProgressCounts = { objects: 0, requirements: 0, pages: 0 };
  const lines: string[] = [];
  let current: string | undefined;
  let started = 0;
  const finish = () => {
    if (current)
      lines.push(`${current}: done in ${((Date.now() - started) / 1000).toFixed(1)} s (${describe(counts)})`);
    current = undefined;
  };
  return {
    stage(name) {
      finish();
      current = name;
      started = Date.now();
    },
    advance() {},
    count(delta) {
      add(counts, delta);
    },
    stop() {
      finish();
      for (const line of lines.splice(0)) stream.write(`${line}\n`);
    },
    abandon() {
      lines.length = 0;
      current = undefined;
    },
  };
}

function liveProgress(stream: NodeJS.WriteStream): Progress {
  const counts: ProgressCounts = { objects: 0, requirements: 0, pages: 0 };
  // A SingleBar, not a MultiBar: only the single bar redraws from inside update(), which matters because
  // evaluation runs synchronously and no timer gets a turn until it ends.
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{stage} {bar} {value}/{total} | {counts}',
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
      synchronousUpdate: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { stage: 'starting', counts: describe(counts) });
  // Lines logged while the bar is shown are printed above it: clear the bar's line, print, redraw.
  setLineSink((line) => {
    stream.write(`\r\u001b[2K${line}\n`);
    bar.render();
  });
  let total = 1;
  return {
    stage(name, size) {
      total = Math.max(1, size ?? 1);
      bar.setTotal(total);
      bar.update(0, { stage: name, counts: describe(counts) });
    },
    advance(value) {
      bar.update(Math.min(value, total), { counts: describe(counts) });
    },
    count(delta) {
      add(counts, delta);
      bar.update({ counts: describe(counts) });
    },
    stop() {
      setLineSink(undefined);
      bar.stop();
    },
    abandon() {
      setLineSink(undefined);
      bar.stop();
    },
  };
}

function add(counts: ProgressCounts, delta: Partial<ProgressCounts>): void {
  for (const key of ['objects', 'requirements', 'pages'] as const) counts[key] += delta[key] ?? 0;
}

export function describe(counts: ProgressCounts): string {
  return `objects ${counts.objects.toLocaleString('en')} · requirements ${counts.requirements.toLocaleString('en')} · pages ${counts.pages.toLocaleString('en')}`;
}
