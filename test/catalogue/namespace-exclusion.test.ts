// A profile may set namespaces aside only with a written reason; kubeadm and self-managed set none aside.
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { brokenCatalogue } from './helpers.js';

describe('namespaces set aside by a profile', () => {
  it('kubeadm and self-managed set no namespace aside: kube-system is the customer’s', async () => {
    const catalogue = await loadCatalogue();
    for (const id of ['kubeadm', 'self-managed'])
      expect(catalogue.profiles.get(id)!.parameters.systemNamespaces, id).toEqual([]);
    expect(catalogue.profiles.get('aks')!.parameters.systemNamespacesReason?.en).toContain('managed add-ons');
  });

  it('a profile that sets namespaces aside without a reason is refused, naming the field', async () => {
    const dir = await brokenCatalogue('providers/aks.yaml', (text) =>
      text.replace(/ {2}systemNamespacesReason:\n(?: {4}.*\n)+/, ''),
    );
    await expect(loadCatalogue(dir)).rejects.toThrow(/systemNamespacesReason/);
  });
});
