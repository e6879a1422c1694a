// Identical subtrees held once: equal values are kept equal, repeats become one frozen node, unique parts stay apart.
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/facts/kube-objects.js';
import { SubtreePool } from '../../src/facts/share-subtrees.js';
import type { KubeObject } from '../../src/model/facts.js';

function pod(name: string, node: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      labels: { app: 'web', 'pod-template-hash': '5d8f' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-5d8f', controller: true }],
    },
    spec: {
      nodeName: node,
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          env: [{ name: 'MODE', value: 'prod' }],
          resources: { limits: { cpu: '500m', memory: '128Mi' } },
          securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true },
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
        },
      ],
      ...extra,
    },
  };
}

describe('SubtreePool', () => {
  it('makes the replicas of a workload share their containers, labels and owner reference', () => {
    const pool = new SubtreePool();
    const a = pod('web-1', 'node-1');
    const b = pod('web-2', 'node-2');
    pool.shareObject(a, 'Pod');
    pool.shareObject(b, 'Pod');
    const [specA, specB] = [a.spec, b.spec] as Array<{ containers: unknown[]; nodeName: string }>;
    expect(specA.containers).toBe(specB.containers);
    const [metaA, metaB] = [a.metadata, b.metadata] as Array<Record<string, unknown>>;
    expect(metaA.labels).toBe(metaB.labels);
    expect(metaA.ownerReferences).toBe(metaB.ownerReferences);
    // What is each pod's own is neither shared nor frozen.
    expect(metaA).not.toBe(metaB);
    expect(Object.isFrozen(metaA)).toBe(false);
    expect(Object.isFrozen(specA)).toBe(false);
    expect([specA.nodeName, specB.nodeName]).toEqual(['node-1', 'node-2']);
  });

  it('keeps every object deep-equal to what it was, across many near-identical objects', () => {
    // A small vocabulary, so that the same keys and values recur in many combinations and orders.
    const words = ['a', 'b', 'c', '1', 1, 2, true, false, null, 1.5];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const value = (depth: number): unknown => {
      const roll = next();
      if (depth > 2 || roll < 0.4) return words[Math.floor(next() * words.length)];
      if (roll < 0.7) return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1));
      const record: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 3); i >= 0; i--)
        record[String(words[Math.floor(next() * 4)])] = value(depth + 1);
      return record;
    };
    const objects = Array.from({ length: 3000 }, (_, i) => ({
      kind: 'ConfigMap',
      metadata: { name: `cm-${i}` },
      data: value(0),
      more: value(0),
    }));
    const before = structuredClone(objects);
    const pool = new SubtreePool();
    for (const object of objects) pool.shareObject(object, 'ConfigMap');
    expect(objects).toEqual(before);
    // The vocabulary is small: far fewer distinct nodes than objects were read.
    expect(pool.size.nodes).toBeLessThan(3000);
  });

  it('tells apart values that print alike: the string "1" and the number 1, an empty list and an empty map', () => {
    const pool = new SubtreePool();
    const a = { kind: 'X', metadata: { name: 'a' }, spec: { v: ['1'], e: [] } };
    const b = { kind: 'X', metadata: { name: 'b' }, spec: { v: [1], e: {} } };
    pool.shareObject(a, 'X');
    pool.shareObject(b, 'X');
    expect(b.spec).toEqual({ v: [1], e: {} });
    expect(a.spec).toEqual({ v: ['1'], e: [] });
  });

  it('keeps apart many distinct values that hash alike (long strings differing only between sampled characters)', () => {
    const pool = new SubtreePool();
    const base = 'c'.repeat(1000);
    const objects = Array.from({ length: 200 }, (_, i) => ({
      kind: 'ConfigMap',
      metadata: { name: `cm-${i}` },
      data: { 'ca.crt': `${base.slice(0, 1)}${String(i).padStart(3, '0')}${base.slice(4)}` },
    }));
    const before = structuredClone(objects);
    for (const object of objects) pool.shareObject(object, 'ConfigMap');
    expect(objects).toEqual(before);
  });

  it('freezes what it shares, so a change meant for one replica fails instead of reaching all of them', () => {
    const pool = new SubtreePool();
    const a = pod('web-1', 'node-1');
    pool.shareObject(a, 'Pod');
    const labels = (a.metadata as { labels: Record<string, string> }).labels;
    expect(() => {
      labels.app = 'changed';
    }).toThrow(TypeError);
  });

  it('lets redaction run again over shared subtrees: nothing to change, nothing thrown', () => {
    const pool = new SubtreePool();
    const object = redact(
      pod('web-1', 'node-1', {
        initContainers: [{ name: 'i', args: ['--token', 'hunter2'] }],
      }) as unknown as KubeObject,
    );
    pool.shareObject(object as unknown as Record<string, unknown>, 'Pod');
    const redactedOnce = structuredClone(object);
    expect(() => redact(object)).not.toThrow();
    expect(object).toEqual(redactedOnce);
    expect(JSON.stringify(object)).not.toMatch(/hunter2|"prod"/);
  });
});
