// Errors the CLI turns into one clear line and exit code 2: bad input or usage, never a stack trace.

/** Bad input: names the file, the field and what was expected. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** Builds "FILE: FIELD: expected …" with the parts that are known. */
  static at(file: string | undefined, field: string | undefined, expected: string): InputError {
    const where = [file, field].filter(Boolean).join(': ');
    return new InputError(where ? `${where}: ${expected}` : expected, file, field);
  }
}

/** A needed program (e.g. a Chrome for the PDF) is not available on this machine. */
export class MissingToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingToolError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
