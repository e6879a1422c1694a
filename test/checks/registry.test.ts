// The check registry in code and the table in docs/check-ids.md list exactly the same ids, each marked done.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCheckRegistry } from '../helpers/check-registry.js';
import { ALL_CHECKS } from '../../src/checks/index.js';

describe('check registry', () => {
  it('has no duplicate ids in code', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every implemented check, and implements every documented one', async () => {
    const markdown = await readFile('docs/check-ids.md', 'utf8');
    const documented = parseCheckRegistry(markdown).sort();
    expect(documented).toEqual(ALL_CHECKS.map((c) => c.id).sort());
    const notDone = markdown
      .split('\n')
      .filter((line) => /^\|\s*[a-z]+-[a-z0-9-]+\s*\|/.test(line) && !/\|\s*done\s*\|\s*$/.test(line));
    expect(notDone).toEqual([]);
  });

  it('gives every check a bilingual title and remediation', () => {
    for (const check of ALL_CHECKS) {
      expect(check.title.zh && check.title.en, check.id).toBeTruthy();
      expect(check.remediation.zh && check.remediation.en, check.id).toBeTruthy();
    }
  });
});
