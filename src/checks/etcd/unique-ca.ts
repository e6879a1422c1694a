// Check: etcd trusts its own CA (--trusted-ca-file), not the one kube-apiserver uses for clients (--client-ca-file).
import type { Check, Evidence } from '../../model/check.js';
import type { CertificateFacts, Facts } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { componentArgs, type ComponentArgs } from '../lib/components.js';
import { exampleFacts } from '../lib/example-facts.js';
import { findFile } from '../lib/file-check.js';
import { componentNeeds, noCommandLine } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';
import { fail, manual, pass } from '../lib/outcome.js';

const ETCD_CA = '/etc/kubernetes/pki/etcd/ca.crt';
const CLUSTER_CA = '/etc/kubernetes/pki/ca.crt';
const fingerprint = (hex: string) => ({
  sha256: hex.repeat(64),
  subject: 'CN=ca',
  issuer: 'CN=ca',
  notAfter: '2035-01-01T00:00:00.000Z',
});

const controlPlane = (
  etcdArgs: string[],
  apiserverArgs: string[],
  certificates: Record<string, string> = {},
) =>
  exampleFacts({
    nodes: [
      {
        name: 'cp',
        processes: { etcd: ['etcd', ...etcdArgs], 'kube-apiserver': ['kube-apiserver', ...apiserverArgs] },
        files: Object.fromEntries(
          Object.entries(certificates).map(([path, hex]) => [
            path,
            { type: 'file', certificate: fingerprint(hex) },
          ]),
        ),
      },
    ],
  });

/** A CA file used by one component, with the certificate collect-node fingerprinted there, if any. */
interface CaFile {
  path: string;
  certificate?: CertificateFacts;
}

/** The certificate at `path` on the node the component runs on, else on any node that recorded it. */
function certificateAt(facts: Facts, path: string, args: ComponentArgs): CertificateFacts | undefined {
  const own = args.node ? facts.nodes.get(args.node) : undefined;
  const onOwnNode = own ? findFile(own, path)?.certificate : undefined;
  if (onOwnNode) return onOwnNode;
  for (const node of facts.nodes.values()) {
    const found = findFile(node, path)?.certificate;
    if (found) return found;
  }
  return undefined;
}

function caEvidence(args: ComponentArgs, flag: string, ca: CaFile | undefined, expected: string): Evidence {
  const certificate = ca?.certificate;
  return {
    source: args.source,
    path: `${args.location} --${flag}`,
    observed: !ca
      ? 'not set'
      : certificate
        ? `${ca.path} (${certificate.subject}, sha256 ${certificate.sha256})`
        : ca.path,
    expected,
    time: args.time,
    file: args.file,
  };
}

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

    const caOf = (args: ComponentArgs, flag: string): CaFile | undefined => {
      const path = flagValue(args.flags, flag);
      return path ? { path, certificate: certificateAt(facts, path, args) } : undefined;
    };
    const clientCas = apiserver.map((args) => ({ args, ca: caOf(args, 'client-ca-file') }));
    const trustedCas = etcd.map((args) => ({ args, ca: caOf(args, 'trusted-ca-file') }));
    const evidence: Evidence[] = [
      ...clientCas.map(({ args, ca }) =>
        caEvidence(args, 'client-ca-file', ca, 'differs from etcd --trusted-ca-file'),
      ),
      ...trustedCas.map(({ args, ca }) => caEvidence(args, 'trusted-ca-file', ca, 'a CA used only for etcd')),
    ];

    const clients = clientCas.flatMap(({ ca }) => (ca ? [ca] : []));
    const trusted = trustedCas.flatMap(({ ca }) => (ca ? [ca] : []));
    if (trusted.some((e) => clients.some((c) => c.path === e.path)))
      return fail(
        t(
          'etcd 信任的 CA 与 API 服务器的客户端 CA 是同一个文件',
          'etcd trusts the same CA file the API server uses for client certificates',
        ),
        evidence,
      );
    const sameCertificate = (e: CaFile, c: CaFile) =>
      e.certificate !== undefined && e.certificate.sha256 === c.certificate?.sha256;
    if (trusted.some((e) => clients.some((c) => sameCertificate(e, c))))
      return fail(
        t(
          'etcd 信任的 CA 与 API 服务器的客户端 CA 是同一张证书（路径不同，SHA-256 指纹相同）',
          'etcd trusts the same certificate the API server uses for client certificates (different paths, same SHA-256 fingerprint)',
        ),
        evidence,
      );
    if (trusted.length < trustedCas.length)
      return fail(t('etcd 未设置 --trusted-ca-file', 'etcd has no --trusted-ca-file'), evidence);
    if (clients.length === 0)
      return manual(
        t(
          'API 服务器未设置 --client-ca-file，无法比较',
          'The API server sets no --client-ca-file to compare with',
        ),
        evidence,
      );
    if ([...trusted, ...clients].every((ca) => ca.certificate))
      return pass(
        t(
          'etcd 信任的 CA 证书与 API 服务器的客户端 CA 证书不同（比较了 SHA-256 指纹）',
          "etcd's trusted CA certificate differs from the API server's client CA certificate (SHA-256 fingerprints compared)",
        ),
        evidence,
      );
    // Without node facts fingerprinting both files, only paths can be compared.
    return pass(
      t(
        'etcd 信任的 CA 文件与 API 服务器的客户端 CA 文件不同（仅比较路径：节点事实中没有两份证书的指纹）',
        "etcd's trusted CA file differs from the API server's client CA file (paths compared: the node facts hold no fingerprint of both certificates)",
      ),
      evidence,
    );
  },
  examples: [
    {
      name: 'kubeadm: separate etcd CA, paths only',
      expect: 'pass',
      facts: () => controlPlane([`--trusted-ca-file=${ETCD_CA}`], [`--client-ca-file=${CLUSTER_CA}`]),
    },
    {
      name: 'separate etcd CA, fingerprints differ',
      expect: 'pass',
      facts: () =>
        controlPlane([`--trusted-ca-file=${ETCD_CA}`], [`--client-ca-file=${CLUSTER_CA}`], {
          [ETCD_CA]: 'a',
          [CLUSTER_CA]: 'b',
        }),
    },
    {
      name: 'same CA file',
      expect: 'fail',
      facts: () => controlPlane([`--trusted-ca-file=${CLUSTER_CA}`], [`--client-ca-file=${CLUSTER_CA}`]),
    },
    {
      name: 'the cluster CA copied to the etcd path',
      expect: 'fail',
      facts: () =>
        controlPlane([`--trusted-ca-file=${ETCD_CA}`], [`--client-ca-file=${CLUSTER_CA}`], {
          [ETCD_CA]: 'c',
          [CLUSTER_CA]: 'c',
        }),
    },
    {
      name: 'etcd without a trusted CA',
      expect: 'fail',
      facts: () => controlPlane(['--client-cert-auth=true'], [`--client-ca-file=${CLUSTER_CA}`]),
    },
    { name: 'no etcd command line', expect: 'manual', facts: () => exampleFacts() },
  ],
};
export default check;
