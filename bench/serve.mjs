// @ts-check
// Serves a generated snapshot from the project's fake Kubernetes API server (test/helpers), in its own process, for the collect stage.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLargeJson } from '../dist/facts/json-stream.js';

const [snapshot, kubeconfig, build] = /** @type {string[]} */ (process.argv.slice(2));
const { startFakeKubeServer } = await import(
  join(/** @type {string} */ (build), 'test', 'helpers', 'fake-kube-server.js')
);

/** @type {Record<string, Record<string, unknown>[]>} */
const objects = {};
const kube = join(snapshot, 'kubernetes');
for (const name of await readdir(kube)) {
  if (!name.endsWith('.json') || name === 'version.json') continue;
  const doc = /** @type {{ items?: Record<string, unknown>[] }} */ (await readLargeJson(join(kube, name)));
  objects[name.replace(/\.json$/, '')] = doc.items ?? [];
}
/** @type {Record<string, Record<string, unknown>>} */
const configz = {};
for (const name of await readdir(join(kube, 'configz')).catch(() => [])) {
  configz[name.replace(/\.json$/, '')] = JSON.parse(
    await readFile(join(kube, 'configz', name), 'utf8'),
  ).kubeletconfig;
}
const server = await startFakeKubeServer({ objects, configz });
await server.writeKubeconfig(kubeconfig);
console.log(`READY ${server.url}`);
// Runs until the bench stops it.
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
