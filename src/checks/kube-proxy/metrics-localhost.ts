// Check: kube-proxy serves metrics only on loopback (--metrics-bind-address / metricsBindAddress on 127.0.0.1).
import { parse } from 'yaml';
import type { Check, Evidence } from '../../model/check.js';
import type { Facts, JsonObject, JsonValue } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { componentArgs, fileContent, type ComponentArgs } from '../lib/components.js';
import { componentExample, exampleFacts, kubeObject } from '../lib/example-facts.js';
import { componentNeeds, noCommandLine } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';
import { fail, manual, pass } from '../lib/outcome.js';

const DEFAULT_ADDRESS = '127.0.0.1:10249';

function isLoopback(address: string): boolean {
  const host = address.startsWith('[')
    ? address.slice(1, address.indexOf(']'))
    : address.includes('.')
      ? address.split(':')[0]!
      : address;
  return host.startsWith('127.') || host === '::1' || host === 'localhost';
}

/** kubeadm keeps kube-proxy's configuration in the kube-system/kube-proxy ConfigMap under `config.conf`. */
function configMapConfig(facts: Facts): JsonObject | undefined {
  const cm = (facts.kubernetes.objects.get('ConfigMap') ?? []).find(
    (o) => o.metadata.namespace === 'kube-system' && o.metadata.name === 'kube-proxy',
  );
  const data = cm?.data as Record<string, JsonValue> | undefined;
  const text = data?.['config.conf'];
  if (typeof text !== 'string') return undefined;
  const parsed: unknown = parse(text);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JsonObject) : undefined;
}

/**
 * The effective metrics address of one kube-proxy. With --config kube-proxy ignores its other flags and
 * reads metricsBindAddress from the file (empty means the default); without it, the flag or its default.
 */
function metricsAddress(
  facts: Facts,
  args: ComponentArgs,
): { address?: string; where: string; fromConfigMap?: boolean } {
  const config = flagValue(args.flags, 'config');
  if (!config) {
    const flag = flagValue(args.flags, 'metrics-bind-address');
    return {
      address: flag || DEFAULT_ADDRESS,
      where: `${args.location} --metrics-bind-address${flag ? '' : ' (absent: default)'}`,
    };
  }
  const file = fileContent(facts, config, args.node);
  const content =
    file?.content && typeof file.content === 'object' && !Array.isArray(file.content)
      ? file.content
      : configMapConfig(facts);
  if (!content) return { where: `${args.location} --config=${config}` };
  const value = content.metricsBindAddress;
  const source = file ? `node ${file.node} ${config}` : 'configmap kube-system/kube-proxy config.conf';
  return {
    address: typeof value === 'string' && value !== '' ? value : DEFAULT_ADDRESS,
    where: `${source} metricsBindAddress${typeof value === 'string' && value !== '' ? '' : ' (empty: default)'}`,
    fromConfigMap: !file,
  };
}

const withConfigMap = (metricsBindAddress: string) => {
  const facts = componentExample('kube-proxy', [
    '--config=/var/lib/kube-proxy/config.conf',
    '--hostname-override=worker',
  ]);
  facts.kubernetes.objects.set('ConfigMap', [
    kubeObject('ConfigMap', 'kube-proxy', 'kube-system', {
      data: {
        'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: "${metricsBindAddress}"\n`,
      },
    }),
  ]);
  return facts;
};

const check: Check = {
  id: 'kube-proxy-metrics-localhost',
  title: t('kube-proxy 指标服务仅监听本地回环地址', 'kube-proxy metrics service is bound to localhost'),
  component: 'kube-proxy',
  needs: componentNeeds('kube-proxy'),
  remediation: t(
    '在 kube-proxy 配置（kubeadm：kube-system/kube-proxy ConfigMap）中把 metricsBindAddress 设为 127.0.0.1:10249，或设置 --metrics-bind-address=127.0.0.1:10249，然后重启 kube-proxy。',
    'Set metricsBindAddress to 127.0.0.1:10249 in the kube-proxy configuration (kubeadm: the kube-system/kube-proxy ConfigMap), or --metrics-bind-address=127.0.0.1:10249, then restart kube-proxy.',
  ),
  run({ facts }) {
    const found = componentArgs(facts, 'kube-proxy');
    if (found.length === 0) return manual(noCommandLine('kube-proxy'));
    const evidence: Evidence[] = [];
    let failed = 0;
    let unknown = 0;
    for (const args of found) {
      const { address, where, fromConfigMap } = metricsAddress(facts, args);
      if (address === undefined) unknown++;
      else if (!isLoopback(address)) failed++;
      // The value is the ConfigMap's when the node facts do not carry the file: cite the ConfigMap, not the node.
      const origin = fromConfigMap ? facts.origins.get('kubernetes:ConfigMap') : undefined;
      evidence.push({
        source: origin?.source ?? args.source,
        path: where,
        observed: address ?? 'config file content not collected',
        expected: 'a 127.0.0.1 address',
        time: origin?.time ?? args.time,
        file: origin ? origin.file : args.file,
      });
    }
    if (failed > 0)
      return fail(
        t('kube-proxy 的指标服务监听在非回环地址上', 'kube-proxy serves metrics on a non-loopback address'),
        evidence,
      );
    if (unknown > 0)
      return manual(
        t(
          'kube-proxy 使用配置文件，但其内容未被采集',
          'kube-proxy reads a configuration file whose content was not collected',
        ),
        evidence,
      );
    return pass(
      t('kube-proxy 的指标服务仅监听 127.0.0.1', 'kube-proxy serves metrics on 127.0.0.1 only'),
      evidence,
    );
  },
  examples: [
    {
      name: 'flags only, absent: default 127.0.0.1:10249',
      expect: 'pass',
      facts: () => componentExample('kube-proxy', ['--cluster-cidr=10.244.0.0/16']),
    },
    {
      name: 'AKS-style flag on all interfaces',
      expect: 'fail',
      facts: () => componentExample('kube-proxy', ['--metrics-bind-address=0.0.0.0:10249']),
    },
    {
      name: 'kubeadm ConfigMap with an empty address: default',
      expect: 'pass',
      facts: () => withConfigMap(''),
    },
    {
      name: 'kubeadm ConfigMap opened to all interfaces',
      expect: 'fail',
      facts: () => withConfigMap('0.0.0.0:10249'),
    },
    {
      name: 'config file not collected',
      expect: 'manual',
      facts: () => componentExample('kube-proxy', ['--config=/var/lib/kube-proxy/config.conf']),
    },
    { name: 'no kube-proxy seen', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
