// Progress and summary lines go to stderr, so stdout stays clean for data (rules list --format json).
let quiet = false;
/** While a live progress display is shown, lines go through it so they do not tear its line. */
let sink: ((line: string) => void) | undefined;

export function setQuiet(value: boolean): void {
  quiet = value;
}

export function isQuiet(): boolean {
  return quiet;
}

export function setLineSink(value: ((line: string) => void) | undefined): void {
  sink = value;
}

export function log(line: string): void {
  if (quiet) return;
  if (sink) sink(line);
  else process.stderr.write(`${line}\n`);
}

/** Always shown, even with --quiet: warnings the user must act on. */
export function warn(line: string): void {
  if (sink) sink(line);
  else process.stderr.write(`${line}\n`);
}
