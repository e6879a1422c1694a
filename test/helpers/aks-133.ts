// A copy of samples/aks-prod moved to Kubernetes 1.33 (ARM, version.json and node pools), in a temporary directory.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AKS_133_VERSION = '1.33.2';

/** The same cluster after an upgrade to 1.33: what an AKS cluster of 2026 looks like to the tool. */
export async function aks133Snapshot(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'ke-aks-133-')), 'snapshot');
  await cp('samples/aks-prod', dir, { recursive: true });
  const edit = async (file: string, change: (text: string) => string) =>
    writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  await edit('azure/managed-cluster.json', (text) =>
    text
      .replaceAll('"1.30.6"', `"${AKS_133_VERSION}"`)
      .replaceAll('2204gen2containerd-202611', '2404gen2containerd-202611'),
  );
  await edit('kubernetes/version.json', (text) =>
    text.replace(
      /"minor": "30",\s*"gitVersion": "v1\.30\.6"/,
      `"minor": "33",\n    "gitVersion": "v${AKS_133_VERSION}"`,
    ),
  );
  return dir;
}
