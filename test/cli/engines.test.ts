// Every package the lock installs accepts the oldest Node this project declares, so `npm install` never warns EBADENGINE.
import { readFile } from 'node:fs/promises';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface Lock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
}

describe('declared Node version', () => {
  it('is accepted by every locked package', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { engines: { node: string } };
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as Lock;
    const refused = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !semver.satisfies(oldest, range) ? [`${path}@${entry.version}: node ${range}`] : [];
      });
    expect(oldest).toBe('20.19.0');
    expect(refused).toEqual([]);
  });
});
