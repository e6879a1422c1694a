// Regenerates docs/conformance/<framework>.md from the framework files (run after `npm run build`).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalogue, PACKAGE_ROOT } from '../dist/catalogue/load.js';
import { conformanceMarkdown, reviewCounts } from '../dist/catalogue/conformance-doc.js';
import { CHECKS_BY_ID } from '../dist/checks/index.js';

const catalogue = await loadCatalogue();
const dir = join(PACKAGE_ROOT, 'docs', 'conformance');
await mkdir(dir, { recursive: true });
for (const framework of catalogue.frameworks.values()) {
  await writeFile(join(dir, `${framework.id}.md`), conformanceMarkdown(framework, CHECKS_BY_ID));
  const c = reviewCounts(framework);
  console.log(`${framework.id}: ${c.reviewed}/${c.requirements} reviewed, ${c.deviations} deviation(s)`);
}
