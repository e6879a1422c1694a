// Reads a PDF back as text with poppler's pdftotext, the way an auditor's tools would see it.
import { execFileSync } from 'node:child_process';

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

export function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}
