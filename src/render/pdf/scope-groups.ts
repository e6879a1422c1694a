// Scope table rows for the PDF: per-node fact parts (configz, node facts) folded into one row per kind of part.
import type { Assessment } from '../../model/assessment.js';
import type { Lang } from '../../model/text.js';
import { labels } from '../labels.js';
import { isoUtc } from '../time.js';

/** More parts than this under one prefix (a node's configz, say) are shown as one row; assessment.json lists each. */
export const PDF_SCOPE_FOLD_FROM = 10;

type Source = Assessment['collection']['sources'][number];
type Gap = Assessment['collection']['gaps'][number];

export interface ScopeSourceRow {
  part: string;
  source: string;
  file: string;
  time: string;
}

export interface ScopeGapRow {
  part: string;
  reason: string;
  code: string;
}

/**
 * `kubernetes:configz:<node>` → `kubernetes:configz`, `node:<node>` → `node`. A 5,000-node cluster otherwise gives a 5,000-row table
 * (about 150 pages and most of the print time) that says one thing: every node's configuration was read.
 */
function prefixOf(part: string): string {
  const pieces = part.split(':');
  if (pieces.length > 2) return pieces.slice(0, 2).join(':');
  // A node's own facts are `node:<name>` (src/collect/snapshot.ts).
  return pieces[0] === 'node' && pieces.length === 2 ? 'node' : part;
}

function groups<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function scopeSourceRows(sources: Source[], lang: Lang): ScopeSourceRow[] {
  const L = labels(lang);
  const rows: ScopeSourceRow[] = [];
  for (const [prefix, members] of groups(sources, (s) => `${prefixOf(s.part)}\u0000${s.source}`)) {
    if (members.length <= PDF_SCOPE_FOLD_FROM) {
      for (const s of members)
        rows.push({ part: s.part, source: s.source, file: s.file ?? '—', time: isoUtc(s.time) });
      continue;
    }
    const times = members.map((s) => isoUtc(s.time)).sort();
    const files = members.filter((s) => s.file).map((s) => s.file!);
    const folder = commonFolder(files);
    rows.push({
      part: `${prefix.split('\u0000')[0]} (${L.scopeFolded.replace('{n}', String(members.length))})`,
      source: members[0]!.source,
      file: files.length > 0 ? `${folder}… (${files.length})` : '—',
      time: times[0] === times.at(-1) ? times[0]! : `${times[0]} – ${times.at(-1)}`,
    });
  }
  return rows;
}

export function scopeGapRows(gaps: Gap[], lang: Lang): ScopeGapRow[] {
  const L = labels(lang);
  const rows: ScopeGapRow[] = [];
  const code = (g: Gap) => (g.code === undefined ? '' : String(g.code));
  for (const [, members] of groups(gaps, (g) => `${prefixOf(g.part)}\u0000${g.reason}\u0000${code(g)}`)) {
    if (members.length <= PDF_SCOPE_FOLD_FROM) {
      for (const g of members) rows.push({ part: g.part, reason: g.reason, code: code(g) });
      continue;
    }
    const first = members[0]!;
    const named = members.slice(0, 3).map((g) => g.part.slice(prefixOf(first.part).length + 1) || g.part);
    rows.push({
      part: `${prefixOf(first.part)} (${L.scopeFolded.replace('{n}', String(members.length))}: ${named.join(', ')} …)`,
      reason: first.reason,
      code: code(first),
    });
  }
  return rows;
}

/** The folder the files share ("kubernetes/configz/"), or '' when they share none. */
function commonFolder(files: string[]): string {
  if (files.length === 0) return '';
  let prefix = files[0]!.slice(0, files[0]!.lastIndexOf('/') + 1);
  for (const f of files)
    while (prefix && !f.startsWith(prefix))
      prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix;
}
