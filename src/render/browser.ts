// Finds a Chrome or Chromium for the PDF: KUBE_EVIDENCE_CHROME, PUPPETEER_EXECUTABLE_PATH, then usual paths.
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
    join(
      process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      'Google\\Chrome\\Application\\chrome.exe',
    ),
    join(process.env.LOCALAPPDATA ?? '', 'Google\\Chrome\\Application\\chrome.exe'),
    join(
      process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ),
  ],
};

export const BROWSER_HINT =
  'no Chrome or Chromium found for the PDF: install one (Debian/Ubuntu: apt-get install chromium) or set KUBE_EVIDENCE_CHROME=/path/to/chrome';

/** The browser to print with, or undefined. An env variable pointing nowhere is an error, not a fallback. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): { path?: string; problem?: string } {
  for (const name of ['KUBE_EVIDENCE_CHROME', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[name];
    if (value)
      return isExecutable(value)
        ? { path: value }
        : { problem: `${name}=${value} is not an executable file` };
  }
  const found = (CANDIDATES[platform] ?? []).find(isExecutable);
  return found ? { path: found } : {};
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
