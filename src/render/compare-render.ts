// Writes a comparison in the formats asked (comparison.json, .xlsx, .pdf); a missing browser skips only the PDF.
import { join } from 'node:path';
import { log, warn } from '../cli/log.js';
import type { COMPARE_FORMATS } from '../cli/options.js';
import type { Comparison } from '../compare/model.js';
import type { Lang } from '../model/text.js';
import { MissingToolError } from '../util/errors.js';
import { BROWSER_HINT, findBrowser } from './browser.js';
import { writeComparisonJson } from './compare-json.js';
import { writeComparisonPdf } from './compare-pdf.js';
import { writeComparisonWorkbook } from './compare-xlsx.js';

type CompareFormat = (typeof COMPARE_FORMATS)[number];

const RENDERERS: Record<
  CompareFormat,
  { file: string; write: (c: Comparison, file: string, lang: Lang) => Promise<void> }
> = {
  json: { file: 'comparison.json', write: (c, file) => writeComparisonJson(c, file) },
  xlsx: { file: 'comparison.xlsx', write: writeComparisonWorkbook },
  pdf: { file: 'comparison.pdf', write: writeComparisonPdf },
};

export async function renderComparison(
  comparison: Comparison,
  options: { outDir: string; formats: CompareFormat[]; lang: Lang },
): Promise<void> {
  let formats = options.formats;
  if (formats.includes('pdf')) {
    const browser = findBrowser();
    if (!browser.path) {
      if (formats.length === 1) throw new MissingToolError(browser.problem ?? BROWSER_HINT);
      warn(`kube-evidence: ${browser.problem ?? BROWSER_HINT}; the PDF was not written`);
      formats = formats.filter((f) => f !== 'pdf');
    }
  }
  // Cheapest first, so the JSON and the workbook exist even if printing fails.
  for (const format of (['json', 'xlsx', 'pdf'] as const).filter((f) => formats.includes(f))) {
    const file = join(options.outDir, RENDERERS[format].file);
    await RENDERERS[format].write(comparison, file, options.lang);
    log(`wrote ${file}`);
  }
}
