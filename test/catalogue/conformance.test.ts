// Every requirement of every framework file carries its conformance review, and docs/conformance/ is generated from it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { conformanceMarkdown } from '../../src/catalogue/conformance-doc.js';
import { loadCatalogue, PACKAGE_ROOT } from '../../src/catalogue/load.js';
import { CHECKS_BY_ID } from '../../src/checks/index.js';

const FRAMEWORK_DIR = join(PACKAGE_ROOT, 'profiles', 'frameworks');
// Every file, not only the built-in three: a framework added later must carry its review too.
const files = (await readdir(FRAMEWORK_DIR)).filter((f) => f.endsWith('.yaml'));

interface RawRequirement {
  id: string | number;
  review?: { method?: { zh?: string; en?: string } };
}

describe.each(files)('framework file %s', (file) => {
  it('gives every requirement a review with the source method in Chinese and English', async () => {
    const raw = parse(await readFile(join(FRAMEWORK_DIR, file), 'utf8')) as {
      requirements: RawRequirement[];
      scoring?: unknown;
    };
    const missing = raw.requirements
      .filter((r) => !r.review?.method?.zh || !r.review.method.en)
      .map((r) => String(r.id));
    expect(missing, `requirements without review.method in ${file}`).toEqual([]);
  });

  it('says how its headline score is computed', async () => {
    const raw = parse(await readFile(join(FRAMEWORK_DIR, file), 'utf8')) as {
      scoring?: { method?: unknown };
    };
    expect(raw.scoring?.method, `${file} has no scoring.method`).toBeDefined();
  });
});

describe('docs/conformance', () => {
  it('holds one generated page per framework, up to date (npm run docs:conformance)', async () => {
    const catalogue = await loadCatalogue();
    for (const framework of catalogue.frameworks.values()) {
      const file = join(PACKAGE_ROOT, 'docs', 'conformance', `${framework.id}.md`);
      const current = await readFile(file, 'utf8').catch(() => '');
      expect(
        current === conformanceMarkdown(framework, CHECKS_BY_ID),
        `${file} is stale: run npm run docs:conformance`,
      ).toBe(true);
    }
  });

  it('shows each recorded deviation on the requirement it affects', async () => {
    const catalogue = await loadCatalogue();
    const qkxy = catalogue.frameworks.get('q-kxy-cs001-2023')!;
    const page = conformanceMarkdown(qkxy, CHECKS_BY_ID);
    const section = page.slice(page.indexOf('### 5.4.3.1 '), page.indexOf('### 5.5.1.1 '));
    expect(section).toContain('**Deviation:**');
    expect(section).toContain('Go runtime defaults');
  });
});
