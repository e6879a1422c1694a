// The PDF's scope table folds per-node parts (5,000 configz files) into one row, and lists small groups in full.
import { describe, expect, it } from 'vitest';
import { PDF_SCOPE_FOLD_FROM, scopeGapRows, scopeSourceRows } from '../../src/render/pdf/scope-groups.js';

const source = (part: string, file?: string, time = '2026-11-20T08:30:00Z') => ({
  part,
  source: 'kubernetes-api' as const,
  ...(file ? { file } : {}),
  time,
});

describe('scope rows', () => {
  it('folds 5,000 configz parts into one row naming their count, folder and time range', () => {
    const sources = [
      source('kubernetes:Pod', 'kubernetes/pods.json'),
      ...Array.from({ length: 5_000 }, (_, i) =>
        source(
          `kubernetes:configz:node-${i}`,
          `kubernetes/configz/node-${i}.json`,
          `2026-11-20T08:${String(i % 60).padStart(2, '0')}:00Z`,
        ),
      ),
    ];
    const rows = scopeSourceRows(sources, 'en');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ part: 'kubernetes:Pod', file: 'kubernetes/pods.json' });
    expect(rows[1]!.part).toBe('kubernetes:configz (5000 parts, each listed in assessment.json)');
    expect(rows[1]!.file).toBe('kubernetes/configz/… (5000)');
    expect(rows[1]!.time).toBe('2026-11-20T08:00:00Z – 2026-11-20T08:59:00Z');
    expect(scopeSourceRows(sources, 'zh')[1]!.part).toContain('5000 项');
  });

  it('lists every part while a group is small', () => {
    const sources = Array.from({ length: PDF_SCOPE_FOLD_FROM }, (_, i) =>
      source(`node:node-${i}`, `nodes/node-${i}.json`),
    );
    expect(scopeSourceRows(sources, 'en').map((r) => r.part)).toEqual(sources.map((s) => s.part));
  });

  it('folds gaps with the same reason, naming the first nodes; different reasons stay apart', () => {
    const gaps = [
      ...Array.from({ length: 40 }, (_, i) => ({ part: `node:n-${i}`, reason: 'no node facts' })),
      { part: 'node:n-99', reason: 'read timed out', code: 504 },
    ];
    const rows = scopeGapRows(gaps, 'en');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.part).toBe('node (40 parts, each listed in assessment.json: n-0, n-1, n-2 …)');
    expect(rows[0]!.reason).toBe('no node facts');
    expect(rows[1]).toEqual({ part: 'node:n-99', reason: 'read timed out', code: '504' });
  });
});
