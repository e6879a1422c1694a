// Check: etcd trusts its own CA (--trusted-ca-file), not the one kube-apiserver uses for clients (--client-ca-file).
import type { Check, Evidence } from '../../model/check.js';
import { t } from '../../model/text.js';
import { componentArgs } from '../lib/components.js';
import { exampleFacts } from '../lib/example-facts.js';
import { componentNeeds, noCommandLine } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';
import { fail, manual, pass } from '../lib/outcome.js';

const controlPlane = (etcdArgs: string[], apiserverArgs: string[]) =>
  exampleFacts({
    nodes: [
      {
        name: 'cp',
        processes: { etcd: ['etcd', ...etcdArgs], 'kube-apiserver': ['kube-apiserver', ...apiserverArgs] },
      },
    ],
  });

const check: Check = {
  id: 'etcd-unique-ca',
  title: t('etcd 使用独立于 Kubernetes 的证书颁发机构', 'A unique certificate authority is used for etcd'),
  component: 'etcd',
  needs: componentNeeds('etcd'),
  remediation: t(
    '为 etcd 建立单独的 CA（kubeadm：/etc/kubernetes/pki/etcd/ca.crt），etcd 的 --trusted-ca-file 指向它，而不是 API 服务器 --client-ca-file 的集群 CA。',
    "Give etcd its own CA (kubeadm: /etc/kubernetes/pki/etcd/ca.crt) and point etcd's --trusted-ca-file at it, not at the cluster CA in kube-apiserver's --client-ca-file.",
  ),
  run({ facts }) {
    const etcd = componentArgs(facts, 'etcd');
    if (etcd.length === 0) return manual(noCommandLine('etcd'));
    const apiserver = componentArgs(facts, 'kube-apiserver');
    if (apiserver.length === 0) return manual(noCommandLine('kube-apiserver'));
    const clientCas = new Set(
      apiserver.map((a) => flagValue(a.flags, 'client-ca-file')).filter((v): v is string => Boolean(v)),
    );
    const evidence: Evidence[] = apiserver.map((a) => ({
      source: a.source,
      path: `${a.location} --client-ca-file`,
      observed: flagValue(a.flags, 'client-ca-file') ?? 'not set',
      expected: 'differs from etcd --trusted-ca-file',
      time: a.time,
      file: a.file,
    }));
    let same = 0;
    let unset = 0;
    for (const args of etcd) {
      const trusted = flagValue(args.flags, 'trusted-ca-file');
      if (!trusted) unset++;
      else if (clientCas.has(trusted)) same++;
      evidence.push({
        source: args.source,
        path: `${args.location} --trusted-ca-file`,
        observed: trusted ?? 'not set',
        expected: 'a CA used only for etcd',
        time: args.time,
        file: args.file,
      });
    }
    if (same > 0)
      return fail(
        t(
          'etcd 信任的 CA 与 API 服务器的客户端 CA 是同一个文件',
          'etcd trusts the same CA file the API server uses for client certificates',
        ),
        evidence,
      );
    if (unset > 0) return fail(t('etcd 未设置 --trusted-ca-file', 'etcd has no --trusted-ca-file'), evidence);
    if (clientCas.size === 0)
      return manual(
        t(
          'API 服务器未设置 --client-ca-file，无法比较',
          'The API server sets no --client-ca-file to compare with',
        ),
        evidence,
      );
    // Only paths are compared: the same certificate copied to two paths would not be seen.
    return pass(
      t(
        'etcd 信任的 CA 文件与 API 服务器的客户端 CA 文件不同（仅比较路径，未比较证书内容）',
        "etcd's trusted CA file differs from the API server's client CA file (paths compared, not certificate contents)",
      ),
      evidence,
    );
  },
  examples: [
    {
      name: 'kubeadm: separate etcd CA',
      expect: 'pass',
      facts: () =>
        controlPlane(
          ['--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'],
          ['--client-ca-file=/etc/kubernetes/pki/ca.crt'],
        ),
    },
    {
      name: 'same CA file',
      expect: 'fail',
      facts: () =>
        controlPlane(
          ['--trusted-ca-file=/etc/kubernetes/pki/ca.crt'],
          ['--client-ca-file=/etc/kubernetes/pki/ca.crt'],
        ),
    },
    {
      name: 'etcd without a trusted CA',
      expect: 'fail',
      facts: () => controlPlane(['--client-cert-auth=true'], ['--client-ca-file=/etc/kubernetes/pki/ca.crt']),
    },
    { name: 'no etcd command line', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
