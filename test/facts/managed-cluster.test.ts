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
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => v !== null && k !== 'resourceGroup').map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

describe('normaliseManagedCluster', () => {
  it('gives the same facts for az aks show output and the ARM REST body', async () => {
    const az = normaliseManagedCluster(await load('samples/aks-prod/azure/managed-cluster.json'), 'az.json');
    const arm = normaliseManagedCluster(await load('test/fixtures/managed-cluster-arm.json'), 'arm.json');
    expect(withoutNulls(arm)).toEqual(withoutNulls(az));
    for (const path of ['enableRbac', 'aadProfile.enableAzureRbac', 'disableLocalAccounts', 'networkProfile.networkPolicy', 'oidcIssuerProfile.enabled', 'addonProfiles.azurepolicy.enabled']) {
      expect(readPath(arm, path), path).toEqual(readPath(az, path));
      expect(readPath(arm, path), path).not.toBeUndefined();
    }
  });

  it('flattens properties and renames wire casing (enableRBAC → enableRbac)', () => {
    const facts = normaliseManagedCluster({ name: 'c', properties: { kubernetesVersion: '1.30.6', enableRBAC: true, aadProfile: { enableAzureRBAC: false } } }, 'f.json');
    expect(facts).toEqual({ name: 'c', kubernetesVersion: '1.30.6', enableRbac: true, aadProfile: { enableAzureRbac: false } });
  });

  it('reads add-on names case-insensitively', () => {
    const facts = normaliseManagedCluster({ name: 'c', kubernetesVersion: '1.30', addonProfiles: { azurePolicy: { enabled: true } } }, 'f.json');
    expect(readPath(facts, 'addonProfiles.azurepolicy.enabled')).toBe(true);
  });

  it.each([
    [[], 'expected a JSON object'],
    [{ properties: 'x', name: 'c' }, 'properties: expected an object'],
    [{ kubernetesVersion: '1.30' }, 'name: expected the cluster name'],
    [{ name: 'c', foo: 1 }, 'properties: expected a managed cluster'],
  ])('rejects %j naming the file and field', (raw, message) => {
    expect(() => normaliseManagedCluster(raw, 'azure/managed-cluster.json')).toThrow(`azure/managed-cluster.json: ${message}`);
  });
});
