// Check: the EncryptionConfiguration encrypts Secrets with aescbc, kms (v1 or v2) or secretbox as its first provider.
import type { Check, Evidence } from '../../model/check.js';
import type { JsonValue } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { componentArgs, fileContent } from '../lib/components.js';
import { componentExample, exampleFacts } from '../lib/example-facts.js';
import { componentNeeds, noCommandLine } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';
import { fail, manual, pass } from '../lib/outcome.js';

const STRONG = new Set(['aescbc', 'kms', 'secretbox']);

/** The name of a provider entry: `{ kms: {...} }` → kms; a bare string is taken as the name. */
function providerName(entry: JsonValue): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) return Object.keys(entry)[0];
  return undefined;
}

/**
 * The provider that writes Secrets: the first provider of the first `resources` entry naming secrets
 * (or a wildcard covering them), as kube-apiserver picks it. Also accepts a bare provider list
 * (`{ providers: [...] }` or `[...]`), taken to apply to Secrets. Undefined for an unknown shape.
 */
export function secretsWriteProvider(content: JsonValue): string | undefined {
  const list = (providers: JsonValue | undefined) =>
    Array.isArray(providers) && providers.length > 0 ? providerName(providers[0]!) : undefined;
  if (Array.isArray(content)) return list(content);
  if (!content || typeof content !== 'object') return undefined;
  if (Array.isArray(content.resources)) {
    for (const entry of content.resources) {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
      const names = Array.isArray(entry.resources) ? entry.resources : [];
      if (names.some((n) => n === 'secrets' || n === '*.' || n === '*.*'))
        return list(entry.providers) ?? 'identity';
    }
    // No entry covers Secrets: they are stored as they are.
    return 'identity';
  }
  return list(content.providers);
}

const configPath = '/etc/kubernetes/enc/encryption-config.yaml';
const withConfig = (content: JsonValue | undefined) =>
  exampleFacts({
    nodes: [
      {
        name: 'cp',
        processes: { 'kube-apiserver': ['kube-apiserver', `--encryption-provider-config=${configPath}`] },
        files:
          content === undefined
            ? {}
            : { [configPath]: { type: 'file', mode: '0600', owner: 'root', group: 'root', content } },
      },
    ],
  });

const check: Check = {
  id: 'apiserver-encryption-providers',
  title: t(
    '静态加密使用恰当的提供程序（aescbc、kms 或 secretbox）',
    'Encryption providers are appropriately configured (aescbc, kms or secretbox)',
  ),
  component: 'kube-apiserver',
  needs: [...componentNeeds('kube-apiserver'), 'node:files'],
  remediation: t(
    '在 EncryptionConfiguration 中为 secrets 将 kms（建议 v2）、aescbc 或 secretbox 列为第一个提供程序，重启 kube-apiserver 后重写现有 Secret。',
    'List kms (v2 preferred), aescbc or secretbox first for secrets in the EncryptionConfiguration, restart kube-apiserver, then rewrite the existing Secrets.',
  ),
  run({ facts }) {
    const found = componentArgs(facts, 'kube-apiserver');
    if (found.length === 0) return manual(noCommandLine('kube-apiserver'));
    const evidence: Evidence[] = [];
    let failed = 0;
    const unknown: string[] = [];
    const expected = 'first provider for secrets: aescbc, kms or secretbox';
    for (const args of found) {
      const path = flagValue(args.flags, 'encryption-provider-config');
      const base = { source: args.source, expected, time: args.time, file: args.file };
      if (!path) {
        failed++;
        evidence.push({
          ...base,
          path: `${args.location} --encryption-provider-config`,
          observed: 'not set: Secrets are stored unencrypted',
        });
        continue;
      }
      const read = fileContent(facts, path, args.node);
      if (!read) {
        unknown.push(path);
        evidence.push({ ...base, path: `${args.location} --encryption-provider-config`, observed: path });
        continue;
      }
      const provider = secretsWriteProvider(read.content);
      const origin = facts.origins.get(`node:${read.node}`);
      evidence.push({
        source: 'node',
        path: `node ${read.node} ${path} (secrets)`,
        observed: provider ?? 'unrecognised content',
        expected,
        time: facts.nodes.get(read.node)?.collectedAt || args.time,
        file: origin?.file,
      });
      if (provider === undefined) unknown.push(path);
      else if (!STRONG.has(provider)) failed++;
    }
    if (failed > 0) {
      return fail(
        t(
          'Secret 未使用 aescbc、kms 或 secretbox 加密写入',
          'Secrets are not written with aescbc, kms or secretbox',
        ),
        evidence,
      );
    }
    if (unknown.length > 0) {
      return manual(
        t(
          `节点事实未包含加密配置 ${unknown.join('、')} 的提供程序名称，需要人工核查`,
          `The node facts do not carry the provider names of ${unknown.join(', ')}: a person must review the file`,
        ),
        evidence,
      );
    }
    return pass(
      t('Secret 以 aescbc、kms 或 secretbox 加密写入', 'Secrets are written with aescbc, kms or secretbox'),
      evidence,
    );
  },
  examples: [
    {
      name: 'kms v2 first, identity as read fallback',
      expect: 'pass',
      facts: () =>
        withConfig({
          kind: 'EncryptionConfiguration',
          resources: [
            {
              resources: ['secrets'],
              providers: [{ kms: { apiVersion: 'v2', name: 'vault' } }, { identity: {} }],
            },
          ],
        }),
    },
    {
      name: 'provider names only',
      expect: 'pass',
      facts: () => withConfig({ providers: ['aescbc', 'identity'] }),
    },
    {
      name: 'identity first: Secrets written in plain text',
      expect: 'fail',
      facts: () =>
        withConfig({
          kind: 'EncryptionConfiguration',
          resources: [{ resources: ['secrets'], providers: [{ identity: {} }, { aescbc: {} }] }],
        }),
    },
    {
      name: 'config covers configmaps only',
      expect: 'fail',
      facts: () => withConfig({ resources: [{ resources: ['configmaps'], providers: [{ aescbc: {} }] }] }),
    },
    {
      name: 'no encryption config at all',
      expect: 'fail',
      facts: () => componentExample('kube-apiserver', ['--anonymous-auth=false']),
    },
    {
      name: 'config set but its content not collected',
      expect: 'manual',
      facts: () => withConfig(undefined),
    },
  ],
};
export default check;
