// Validates nodes/NODE.json, the node facts written by `collect-node` (file modes, owners, command lines).
import type { NodeFacts, NodeFile } from '../model/facts.js';
import { InputError } from '../util/errors.js';
import { isRecord } from '../util/fs.js';

export function parseNodeFacts(raw: unknown, file: string): NodeFacts {
  if (!isRecord(raw)) throw InputError.at(file, undefined, 'expected a JSON object of node facts');
  if (typeof raw.node !== 'string' || raw.node === '')
    throw InputError.at(file, 'node', 'expected the node name');
  const files = raw.files ?? {};
  if (!isRecord(files)) throw InputError.at(file, 'files', 'expected an object of path → file facts');
  for (const [path, entry] of Object.entries(files)) validateFile(entry, file, `files["${path}"]`);
  const processes = raw.processes ?? {};
  if (!isRecord(processes))
    throw InputError.at(file, 'processes', 'expected an object of component → { argv }');
  for (const [name, proc] of Object.entries(processes)) {
    if (!isRecord(proc) || !Array.isArray(proc.argv) || proc.argv.some((a) => typeof a !== 'string')) {
      throw InputError.at(file, `processes.${name}.argv`, 'expected an array of strings');
    }
  }
  return {
    node: raw.node,
    collectedAt: typeof raw.collectedAt === 'string' ? raw.collectedAt : '',
    roles: Array.isArray(raw.roles) ? raw.roles.map(String) : undefined,
    files: files as Record<string, NodeFile>,
    processes: processes as NodeFacts['processes'],
  };
}

function validateFile(entry: unknown, file: string, at: string): void {
  if (!isRecord(entry) || typeof entry.exists !== 'boolean')
    throw InputError.at(file, `${at}.exists`, 'expected true or false');
  if (entry.mode !== undefined && (typeof entry.mode !== 'string' || !/^0?[0-7]{3,4}$/.test(entry.mode))) {
    throw InputError.at(file, `${at}.mode`, 'expected an octal mode string such as "0600"');
  }
  if (entry.certificate !== undefined) {
    const cert = entry.certificate;
    if (!isRecord(cert) || typeof cert.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(cert.sha256))
      throw InputError.at(file, `${at}.certificate.sha256`, 'expected 64 lowercase hex digits (SHA-256)');
  }
  if (isRecord(entry.children)) {
    for (const [name, child] of Object.entries(entry.children))
      validateFile(child, file, `${at}.children["${name}"]`);
  }
}
