// Progress and summary lines go to stderr, so stdout stays clean for data (rules list --format json).
let quiet = false;

export function setQuiet(value: boolean): void {
  quiet = value;
}

export function log(line: string): void {
  if (!quiet) process.stderr.write(`${line}\n`);
}

/** Always shown, even with --quiet: warnings the user must act on. */
export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}
