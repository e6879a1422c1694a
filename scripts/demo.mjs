// Runs kube-evidence on the bundled samples and writes their evidence packs under out/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'bin.js');

const runs = [
  [
    'report',
    '--snapshot',
    'samples/aks-prod',
    '--profile',
    'aks',
    '--framework',
    'all',
    '--waivers',
    'samples/aks-prod/waivers.yaml',
    '--out',
    'out/aks-prod',
  ],
  [
    'report',
    '--snapshot',
    'samples/kubeadm-lab',
    '--profile',
    'kubeadm',
    '--framework',
    'all',
    '--out',
    'out/kubeadm-lab',
  ],
];

for (const args of runs) {
  // --no-fail: the samples have real problems on purpose; the demo should still finish with 0.
  // --format all: the PDF, workbook and JSON, and every exchange format (OSCAL, SARIF, JUnit, CSV, HTML).
  const full = [
    cli,
    ...args,
    '--format',
    'all',
    '--lang',
    process.env.KUBE_EVIDENCE_LANG ?? 'zh',
    '--no-fail',
  ];
  console.log(`$ kube-evidence ${args.join(' ')}`);
  const result = spawnSync(process.execPath, full, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
// AKS against on-premises: the two packs side by side. --framework picks the CIS assessment whether a pack
// holds assessment.json directly or one subdirectory per framework.
const compareArgs = [
  'compare',
  'out/aks-prod',
  'out/kubeadm-lab',
  '--framework',
  'cis-kubernetes-1.11.1',
  '--out',
  'out/compare-aks-vs-kubeadm',
];
console.log(`$ kube-evidence ${compareArgs.join(' ')}`);
const compared = spawnSync(
  process.execPath,
  [cli, ...compareArgs, '--lang', process.env.KUBE_EVIDENCE_LANG ?? 'zh'],
  { cwd: root, stdio: 'inherit' },
);
if (compared.status !== 0) process.exit(compared.status ?? 1);

console.log(
  "\nEvidence packs written under out/: one folder per framework in each sample's pack (report.pdf, report.xlsx, assessment.json, assessment-results.oscal.json, results.sarif, junit.xml, results.csv, findings.csv, report.html).",
);
console.log(
  'Comparison written under out/compare-aks-vs-kubeadm/ (comparison.pdf, comparison.xlsx, comparison.json).',
);
