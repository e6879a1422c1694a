// Starts Chromium for printing and makes sure its whole process group dies with us: on close, error, signal, even kill -9.
import { spawn } from 'node:child_process';
import puppeteer, { type Browser } from 'puppeteer-core';
import { MissingToolError } from '../util/errors.js';

/** The browser could not be started: the pack is written without the PDF (exit code EXIT_PDF_MISSING). */
export class BrowserStartError extends MissingToolError {
  constructor(path: string, cause: unknown) {
    // One line, no stack: the first line of the cause, bounded.
    const reason = (cause instanceof Error ? cause.message : String(cause))
      .split('\n')[0]!
      .trim()
      .slice(0, 200);
    super(
      `the browser ${path} failed to start (${reason}); set KUBE_EVIDENCE_CHROME to a working Chrome or Chromium`,
    );
    this.name = 'BrowserStartError';
  }
}

/**
 * A watchdog in its own process group: it kills Chromium's group when our process is gone (its stdin
 * pipe from us closes, which the kernel does even after SIGKILL) and ends by itself when the group is gone.
 */
const WATCHDOG = `
const group = Number(process.argv[1]);
const exists = () => { try { process.kill(-group, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const killGroup = () => { try { process.kill(-group, 'SIGKILL'); } catch {} process.exit(0); };
process.stdin.on('end', killGroup);
process.stdin.on('error', killGroup);
process.stdin.resume();
setInterval(() => { if (!exists()) process.exit(0); }, 500);
`;

export interface LaunchedBrowser {
  browser: Browser;
  /** Closes the browser, then kills whatever is left of its process group. Safe to call twice. */
  close: () => Promise<void>;
}

export async function launchBrowser(executablePath: string, args: string[]): Promise<LaunchedBrowser> {
  let browser: Browser;
  try {
    // puppeteer starts Chromium as the leader of a new process group (detached) and kills that group on
    // our exit, SIGINT, SIGTERM and SIGHUP. SIGKILL runs none of that: the DevTools connection is a pipe,
    // which the kernel closes when we die, and Chromium quits when it closes (also while it is still
    // starting, before the watchdog below exists); the watchdog kills whatever of the group is left.
    browser = await puppeteer.launch({ executablePath, headless: true, args, pipe: true, timeout: 120_000 });
  } catch (error) {
    throw new BrowserStartError(executablePath, error);
  }
  const group = browser.process()?.pid;
  const watchdog =
    group !== undefined && process.platform !== 'win32'
      ? spawn(process.execPath, ['-e', WATCHDOG, String(group)], {
          detached: true,
          stdio: ['pipe', 'ignore', 'ignore'],
        })
      : undefined;
  watchdog?.on('error', () => undefined);
  watchdog?.unref();
  (watchdog?.stdin as { unref?: () => void } | null | undefined)?.unref?.();
  let closed = false;
  return {
    browser,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await browser.close();
      } catch {
        // A browser that crashed cannot be closed politely: its group is killed below.
      } finally {
        if (group !== undefined) killGroup(group);
        watchdog?.stdin?.destroy();
      }
    },
  };
}

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}
