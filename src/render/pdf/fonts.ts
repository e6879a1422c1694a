// Print fonts: Noto Sans, Noto Sans SC and Noto Sans Mono from @fontsource, inlined as data: @font-face rules (only needed subsets).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/**
 * Every PDF is printed with these fonts and no others, so its look does not depend on the fonts a machine
 * has, and every font lands in the PDF as an embedded TrueType subset: they are static, glyf-outline fonts.
 * (Chromium embeds CFF-outline fonts, such as Debian's Noto Sans CJK, as Type 3 fonts, which PDF/A
 * readers and text extraction handle badly.)
 */
const FAMILIES = [
  { family: 'Noto Sans', id: 'noto-sans' },
  { family: 'Noto Sans SC', id: 'noto-sans-sc' },
  { family: 'Noto Sans Mono', id: 'noto-sans-mono' },
] as const;
const WEIGHTS = [400, 700] as const;

/** Font stacks for printing, for the page and for Chrome's header and footer templates. */
export const PRINT_STACKS = {
  /** Chinese first: its Latin glyphs are proportional, as in the Chinese report before. */
  zh: { sans: `'Noto Sans SC','Noto Sans',sans-serif`, mono: `'Noto Sans Mono','Noto Sans SC',monospace` },
  /** Latin first: a CJK font prints ASCII punctuation and spaces at CJK widths ("provider’ s"). */
  en: { sans: `'Noto Sans','Noto Sans SC',sans-serif`, mono: `'Noto Sans Mono','Noto Sans SC',monospace` },
} as const;

/** Characters Chrome may draw that are not in the document's text. */
const GENERATED_TEXT = '0123456789…-–—';

interface Subset {
  family: string;
  weight: number;
  file: string;
  ranges: [number, number][];
}

let subsetsLoaded: Promise<Subset[]> | undefined;

/** The @fontsource subsets of every family and weight, with their unicode ranges (from each package's unicode.json). */
function allSubsets(): Promise<Subset[]> {
  subsetsLoaded ??= (async () => {
    const subsets: Subset[] = [];
    for (const { family, id } of FAMILIES) {
      const unicodeJson = require.resolve(`@fontsource/${id}/unicode.json`);
      const table = JSON.parse(await readFile(unicodeJson, 'utf8')) as Record<string, string>;
      for (const [key, range] of Object.entries(table)) {
        // Keys are subset names ("latin") or numbered slices ("[12]"); files are named after them.
        const name = key.replace(/^\[(\d+)\]$/, '$1');
        for (const weight of WEIGHTS)
          subsets.push({
            family,
            weight,
            file: join(dirname(unicodeJson), 'files', `${id}-${name}-${weight}-normal.woff2`),
            ranges: parseRanges(range),
          });
      }
    }
    return subsets;
  })();
  return subsetsLoaded;
}

/** "U+0000-00ff,U+0131" → [[0, 255], [305, 305]]. */
export function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!, 16);
    return [start, to === undefined ? start : parseInt(to, 16)];
  });
}

/** The code points of some texts (HTML included: numeric character references count as their character). */
export function codePoints(texts: string[]): Set<number> {
  const found = new Set<number>();
  for (const text of [...texts, GENERATED_TEXT]) {
    for (const char of text) found.add(char.codePointAt(0)!);
    for (const [, dec, hex] of text.matchAll(/&#(?:(\d+)|x([0-9a-f]+));/gi))
      found.add(dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16));
  }
  return found;
}

/**
 * @font-face rules, as data: URLs (the printer fetches nothing), for the subsets holding a character of the
 * texts. Chrome embeds only the glyphs it draws, so an unused subset costs the HTML's size, not the PDF's.
 * With `cut`, each subset is first cut down to the texts' characters (harfbuzz's hb-subset): worth it for
 * Chrome's running header and footer, laid out anew, fonts and all, for every page.
 */
export async function fontFaceCss(
  texts: string[],
  cut = false,
  weights: readonly number[] = WEIGHTS,
): Promise<string> {
  const points = [...codePoints(texts)];
  const inside = (s: Subset, p: number) => s.ranges.some(([from, to]) => p >= from && p <= to);
  const needed = (await allSubsets()).filter(
    (s) => weights.includes(s.weight) && points.some((p) => inside(s, p)),
  );
  const rules = await Promise.all(
    needed.map(async (s) => {
      const range = s.ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
      const woff2 = await readFile(s.file);
      const text = String.fromCodePoint(...points.filter((p) => inside(s, p)));
      const src = cut
        ? `url(data:font/ttf;base64,${(await subsetFont(woff2, text, { targetFormat: 'truetype' })).toString('base64')}) format('truetype')`
        : `url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2')`;
      return `@font-face{font-family:'${s.family}';font-style:normal;font-weight:${s.weight};src:${src};unicode-range:${range};}`;
    }),
  );
  return rules.join('\n');
}

function hex(n: number): string {
  return n.toString(16);
}

/** The stylesheet that makes a page print with the embedded fonts only: the @font-face rules and the stacks. */
export async function printFontCss(texts: string[], lang: 'en' | 'zh'): Promise<string> {
  return `${await fontFaceCss(texts)}\n${stackVariables(lang)}`;
}

/** html:root outranks report.css's html:lang(en) rule by coming later with the same specificity. */
function stackVariables(lang: 'en' | 'zh'): string {
  const stacks = PRINT_STACKS[lang];
  return `html:root{--font-sans:${stacks.sans};--font-mono:${stacks.mono};}`;
}

const RUNNING_PREFIX = 'Running ';

/**
 * Fonts for Chrome's running header and footer. Chrome lays them out as documents of their own, for every
 * page, without waiting for their fonts: a font not yet loaded is missed, and the text falls back to a
 * system font (Type 3 for a CFF one). So the header's fonts are cut down to its few characters (regular
 * weight only: the templates have no bold) and also declared in the page under other family names, used by
 * a hidden element: by the time Chrome prints, the page has loaded the same data: URLs, and the header
 * finds them loaded. Returns the template's stylesheet, and the stylesheet and element for the page.
 */
export async function runningFonts(
  texts: string[],
  lang: 'en' | 'zh',
): Promise<{ templateCss: string; pageCss: string; pageHtml: string }> {
  const faces = await fontFaceCss(texts, true, [400]);
  const chars = [...codePoints(texts)].map((p) => `&#x${hex(p)};`).join('');
  const spans = FAMILIES.map(
    ({ family }) => `<span style="font-family:'${RUNNING_PREFIX}${family}'">${chars}</span>`,
  ).join('');
  return {
    templateCss: `${faces}\n${stackVariables(lang)}`,
    pageCss: faces.replaceAll("font-family:'", `font-family:'${RUNNING_PREFIX}`),
    pageHtml: `<div aria-hidden="true" style="position:absolute;top:0;left:0;width:0;height:0;overflow:hidden;visibility:hidden">${spans}</div>`,
  };
}

/** Noto Sans regular (Latin subset, WOFF) for text drawn into the PDF afterwards, such as contents page numbers. */
export async function latinFontBytes(): Promise<Uint8Array> {
  return readFile(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'));
}
