// Chinese reports carry no English sentence: the zh PDF (read back with pdftotext) and the zh workbook (read back
// with exceljs) of both bundled samples, scanned for English runs outside identifiers (flags, paths, fields, kinds,
// object names, ids, commands).
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { loadSnapshot } from '../../src/collect/snapshot.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { writePack } from '../../src/pack/write-pack.js';
import { englishSentences } from '../helpers/english-scan.js';
import { pdfText, tempDir } from './sample.js';

const SAMPLES = [
  { name: 'aks-prod', profile: 'aks' },
  { name: 'kubeadm-lab', profile: 'kubeadm' },
] as const;

const packs = new Map<string, string>();

beforeAll(async () => {
  const catalogue = await loadCatalogue();
  for (const sample of SAMPLES) {
    const snapshot = join(import.meta.dirname, '..', '..', 'samples', sample.name);
    const assessment = evaluate(await loadSnapshot(snapshot), catalogue, {
      framework: 'cis-kubernetes-1.11.1',
      profile: sample.profile,
    });
    const dir = await tempDir(`zh-${sample.name}`);
    await writePack([assessment], {
      outDir: dir,
      formats: ['json', 'xlsx', 'pdf'],
      lang: 'zh',
      snapshotDir: snapshot,
    });
    packs.set(sample.name, dir);
  }
}, 240_000);

async function workbookText(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const lines: string[] = [];
  book.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string') lines.push(v);
        else if (v && typeof v === 'object' && 'text' in v) lines.push(String(v.text));
        else if (v && typeof v === 'object' && 'richText' in v)
          lines.push(v.richText.map((r) => r.text).join(''));
      }),
    );
  });
  return lines.join('\n');
}

describe('the English scan', () => {
  it('finds real English sentences', () => {
    expect(
      englishSentences('授权：grants * pods; * jobs via ClusterRole cluster-admin cluster-wide'),
    ).not.toEqual([]);
    expect(englishSentences('观察值：8 finding(s); 4 default service accounts')).not.toEqual([]);
    expect(englishSentences('已豁免（W-2026-015，原状态：fail）')).toEqual([]);
    expect(englishSentences('The provider publishes "pass" for this item')).not.toEqual([]);
  });

  it('lets identifiers through: flags, paths, fields, kinds, names and commands', () => {
    const identifiers = [
      '--anonymous-auth 设置为 false',
      '/etc/kubernetes/manifests/kube-apiserver.yaml 的权限',
      'containers[web].securityContext.runAsNonRoot 未设置',
      '经 ClusterRole cluster-admin 在全群集范围授予 * pods',
      '执行 `az aks update --resource-group <rg> --name <cluster> --disable-local-accounts`',
      '执行 kubectl get namespaces，确认',
      '分配内置策略“Kubernetes cluster services should only use allowed external IPs”',
    ];
    for (const text of identifiers) expect(englishSentences(text), text).toEqual([]);
  });
});

describe.each(SAMPLES)('zh reports of $name', ({ name }) => {
  it('the PDF has no English sentence', () => {
    const text = pdfText(join(packs.get(name)!, 'report.pdf'), false);
    expect(englishSentences(text)).toEqual([]);
  });

  it('the workbook has no English sentence in any cell or sheet name', async () => {
    const text = await workbookText(join(packs.get(name)!, 'report.xlsx'));
    expect(englishSentences(text)).toEqual([]);
    expect(text).not.toContain('原状态：fail');
  });
});
