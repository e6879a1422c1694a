// Fleet end to end: three clusters scanned in-cluster style (service account of a fake pod), packs uploaded to Azurite, fleet report built from the container.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerSASPermissions } from '@azure/storage-blob';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { runCli } from '../helpers/cli.js';
import { fakeInCluster } from '../helpers/fake-in-cluster.js';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import { namespace, node, pod, withBuiltIns } from '../collect/kube-fixtures.js';

const CLUSTERS = ['payments-prod', 'payments-test', 'data-lab'];
let azurite: Azurite;
let servers: FakeKubeServer[];
let work: string;
let sas: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-e2e-fleet-'));
  azurite = await startAzurite();
  const { client } = await azurite.container('evidence');
  sas = await client.generateSasUrl({
    permissions: ContainerSASPermissions.parse('racwl'),
    expiresOn: new Date(Date.now() + 3.6e6),
  });
  // The first and last clusters run a privileged pod; the second does not.
  servers = await Promise.all(
    CLUSTERS.map((_, i) =>
      startFakeKubeServer({
        objects: withBuiltIns({
          namespaces: [namespace('default')],
          nodes: [node('node-a')],
          pods: [pod('default', 'web', { privileged: i !== 1 })],
        }),
        token: `sa-token-${i}`,
      }),
    ),
  );
  for (const [i, name] of CLUSTERS.entries()) {
    const env = await fakeInCluster(join(work, `pod-${i}`), servers[i]!, `sa-token-${i}`);
    const leave = env.enter();
    try {
      const result = await runCli([
        'scan',
        '--in-cluster',
        '--cluster-name',
        name,
        '--profile',
        'kubeadm',
        '--format',
        'json,xlsx',
        '--nodes',
        'none',
        '--no-fail',
        '--quiet',
        '--out',
        join(work, 'pack', name),
        '--upload',
        sas,
      ]);
      expect(result.code, result.stderr).toBe(0);
    } finally {
      leave();
    }
  }
}, 600_000);
afterAll(async () => {
  await Promise.all((servers ?? []).map((s) => s.close()));
  await azurite?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('fleet: in-cluster scans → Azurite → fleet report', { timeout: 300_000 }, () => {
  it('builds the report from the container with every cluster counted and verified', async () => {
    const out = join(work, 'fleet');
    const result = await runCli([
      'fleet',
      'report',
      '--from',
      sas,
      '--framework',
      'cis-kubernetes-1.11.1',
      '--lang',
      'en',
      // The PDF of the same report is printed and read back in test/fleet/fleet-report.test.ts.
      '--format',
      'json,xlsx',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain(new URL(sas).searchParams.get('sig')!);
    expect(result.stderr).toContain('3 clusters counted, 0 packs refused');
    const report = JSON.parse(await readFile(join(out, 'fleet-report.json'), 'utf8')) as {
      source: string;
      clusters: { id: string; pack: string; statuses: Record<string, string> }[];
    };
    expect(report.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/evidence\?<SAS redacted>$/);
    expect(report.clusters.map((c) => c.id)).toEqual([...CLUSTERS].sort());
    const privileged = Object.fromEntries(report.clusters.map((c) => [c.id, c.statuses['5.2.2']]));
    expect(privileged).toEqual({ 'data-lab': 'fail', 'payments-prod': 'fail', 'payments-test': 'pass' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'fleet-report.xlsx'));
    expect(workbook.getWorksheet('Matrix')!.rowCount).toBe(4);
    const failing = workbook.getWorksheet('R 5.2.2')!;
    expect([2, 3].map((r) => failing.getRow(r).getCell(1).value).sort()).toEqual([
      'data-lab',
      'payments-prod',
    ]);
  });
});
