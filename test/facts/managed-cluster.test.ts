// Both shapes of azure/managed-cluster.json (az aks show, ARM REST body) normalise to the same facts.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { normaliseManagedCluster, readPath } from '../../src/facts/managed-cluster.js';
import type { JsonValue } from '../../src/model/facts.js';

const load = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;

/** az prints nulls for unset fields and adds resourceGroup; the ARM body omits both. */
function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => v !== null && k !== 'resourceGroup')
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** Dotted paths to every leaf value; array items get their index, read below with readAt. */
function leafPaths(value: JsonValue, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return [prefix];
  return entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** readPath (case-insensitive keys, as the checks read ARM facts) extended to array indices. */
function readAt(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let current = value;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) current = current[Number(part)];
    else current = readPath(current, part);
  }
  return current;
}

describe('normaliseManagedCluster', () => {
  it('gives the same facts for az aks show output and the ARM REST body', async () => {
    const az = normaliseManagedCluster(await load('samples/aks-prod/azure/managed-cluster.json'), 'az.json');
    const arm = normaliseManagedCluster(await load('test/fixtures/managed-cluster-arm.json'), 'arm.json');
    // The wire spells authorizedIPRanges, vnetSubnetID, issuerURL… where az prints authorizedIpRanges…:
    // every fact, read the way the checks read it, must hold the same value from both files.
    const azFacts = withoutNulls(az);
    const armFacts = withoutNulls(arm);
    const paths = leafPaths(azFacts);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) expect(readAt(armFacts, path), path).toEqual(readAt(azFacts, path));
    expect(leafPaths(armFacts).length).toBe(paths.length);
    for (const path of [
      'enableRbac',
      'aadProfile.enableAzureRbac',
      'disableLocalAccounts',
      'networkProfile.networkPolicy',
      'oidcIssuerProfile.issuerUrl',
      'apiServerAccessProfile.authorizedIpRanges',
      'addonProfiles.azurepolicy.enabled',
    ]) {
      expect(readPath(arm, path), path).not.toBeUndefined();
    }
  });

  it('flattens properties and renames wire casing (enableRBAC → enableRbac)', () => {
    const facts = normaliseManagedCluster(
      {
        name: 'c',
        properties: { kubernetesVersion: '1.30.6', enableRBAC: true, aadProfile: { enableAzureRBAC: false } },
      },
      'f.json',
    );
    expect(facts).toEqual({
      name: 'c',
      kubernetesVersion: '1.30.6',
      enableRbac: true,
      aadProfile: { enableAzureRbac: false },
    });
  });

  it('reads add-on names case-insensitively', () => {
    const facts = normaliseManagedCluster(
      { name: 'c', kubernetesVersion: '1.30', addonProfiles: { azurePolicy: { enabled: true } } },
      'f.json',
    );
    expect(readPath(facts, 'addonProfiles.azurepolicy.enabled')).toBe(true);
  });

  it.each([
    [[], 'expected a JSON object'],
    [{ properties: 'x', name: 'c' }, 'properties: expected an object'],
    [{ kubernetesVersion: '1.30' }, 'name: expected the cluster name'],
    [{ name: 'c', foo: 1 }, 'properties: expected a managed cluster'],
  ])('rejects %j naming the file and field', (raw, message) => {
    expect(() => normaliseManagedCluster(raw, 'azure/managed-cluster.json')).toThrow(
      `azure/managed-cluster.json: ${message}`,
    );
  });
});
