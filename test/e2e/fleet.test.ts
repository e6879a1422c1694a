// Fleet end to end: three clusters scanned in-cluster style (service account of a fake pod), packs uploaded to Azurite, fleet report built from the container.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerSASPermissions } from '@azure/storage-blob';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { runCli } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-text.js';
import { rsaIdentity } from '../helpers/signing-cert.js';
import { fakeInCluster } from '../helpers/fake-in-cluster.js';
import { startFakeKubeServer, type FakeKubeServer } from '../helpers/fake-kube-server.js';
import { namespace, node, pod, withBuiltIns } from '../collect/kube-fixtures.js';

const CLUSTERS = ['payments-prod', 'payments-test', 'data-lab'];
/** The production cluster signs its pack (scan --sign): the fleet report checks the signature it finds. */
const SIGNED = 'payments-prod';
let azurite: Azurite;
let servers: FakeKubeServer[];
let work: string;
let sas: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ke-e2e-fleet-'));
  const signer = rsaIdentity('Payments Evidence Signer');
  await writeFile(join(work, 'signer.pem'), signer.key + signer.cert);
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
        // With the objects every real API server has (kube-system's pods among them): a list without
        // them reads as a partial export, and the checks on it give error.
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
        ...(name === SIGNED ? ['--sign', join(work, 'signer.pem')] : []),
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
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain(new URL(sas).searchParams.get('sig')!);
    expect(result.stderr).toContain(
      '3 clusters counted, 0 packs refused, 0 of 3 without a recent counted scan',
    );
    expect(result.stderr).toContain('1 of 3 counted packs signed');
    const report = JSON.parse(await readFile(join(out, 'fleet-report.json'), 'utf8')) as {
      source: string;
      requirements: { id: string; title: { en: string } }[];
      clusters: { id: string; pack: string; signature: string; statuses: Record<string, string> }[];
      totals: { requirement: string; counts: { fail: number }; failShare: number | null }[];
    };
    expect(report.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/evidence\?<SAS redacted>$/);
    expect(report.clusters.map((c) => c.id)).toEqual([...CLUSTERS].sort());
    const privileged = Object.fromEntries(report.clusters.map((c) => [c.id, c.statuses['5.2.2']]));
    expect(privileged).toEqual({ 'data-lab': 'fail', 'payments-prod': 'fail', 'payments-test': 'pass' });
    expect(Object.fromEntries(report.clusters.map((c) => [c.id, c.signature]))).toEqual({
      'data-lab': 'unsigned',
      'payments-prod': 'signed-unchecked',
      'payments-test': 'unsigned',
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'fleet-report.xlsx'));
    expect(workbook.getWorksheet('Matrix')!.rowCount).toBe(4);
    const failing = workbook.getWorksheet('R 5.2.2')!;
    expect([2, 3].map((r) => failing.getRow(r).getCell(1).value).sort()).toEqual([
      'data-lab',
      'payments-prod',
    ]);

    // The PDF summary, read back as an auditor's tools see it.
    const layout = pdfText(join(out, 'fleet-report.pdf'));
    for (const id of CLUSTERS) expect(layout).toMatch(new RegExp(`^\\s*\\d+\\s+${id}\\s+\\d`, 'm'));
    // The worst requirements: those failing on the most clusters, by id and title, with that count.
    // In the PDF's order: most failing clusters, then highest fail share, then catalogue order.
    const worst = report.totals
      .map((t, index) => ({ ...t, index }))
      .filter((t) => t.counts.fail > 0)
      .sort(
        (a, b) =>
          b.counts.fail - a.counts.fail || (b.failShare ?? 0) - (a.failShare ?? 0) || a.index - b.index,
      )
      .slice(0, 5);
    const most = worst[0]!.counts.fail;
    for (const t of worst.filter((w) => w.counts.fail === most)) {
      // Its id, the start of its title (a long one wraps in its cell), the failing clusters and the share.
      const title = report.requirements.find((r) => r.id === t.requirement)!.title.en;
      const start = title.split(' ').slice(0, 4).join(' ');
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(layout).toMatch(
        new RegExp(`^\\s*${escape(t.requirement)}\\s+${escape(start)}.*\\s${most}\\s+\\d+(\\.\\d)?%`, 'm'),
      );
    }
    // 5.2.2 fails on the two clusters with a privileged pod, on two of three.
    expect(layout).toMatch(/^\s*5\.2\.2\s+Minimize the admission of privileged containers\s+2\s+66\.7%/m);
    expect(layout).toContain('Worst requirements across the fleet');
    expect(layout).toContain('Coverage: clusters without a recent scan');
    expect(layout).toContain('0 of 3 clusters without a recent scan (no counted scan in the last 30 days).');
    expect(layout).toContain('All 3 clusters have a counted scan within the last 30 days.');
  });
});
