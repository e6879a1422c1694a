// The Chinese wording of the short English phrases checks write into evidence (observed, expected, where) and
// offender descriptions: identifiers (flags, fields, kinds, names, values) stay as they are, the words around them
// are translated, so a Chinese report carries no English sentence. English text passes through unchanged.
import type { Lang } from '../model/text.js';

/** Exact phrases, longest first when they overlap; applied after the patterns below. */
const PHRASES: [string, string][] = [
  [
    'RuntimeDefault or Localhost (runtime/default or localhost/*)',
    'RuntimeDefault 或 Localhost（runtime/default 或 localhost/*）',
  ],
  [
    'only Kubernetes built-in subjects; never broad groups or default service accounts',
    '仅 Kubernetes 内置主体；绝不授予范围宽泛的组或 default 服务账户',
  ],
  [
    'default service accounts do not automount, are not used with a token and have no role bindings',
    'default 服务账户不自动挂载令牌、不以其令牌运行工作负载且没有角色绑定',
  ],
  [
    'no token of a default account; other mounts confirmed as needed',
    '不挂载 default 账户的令牌；其他挂载须确认确有需要',
  ],
  [
    'support still running on the day the facts were collected (the time of this evidence)',
    '采集事实当天（本证据的时间）仍在支持期内',
  ],
  [
    'kube-audit or kube-audit-admin enabled, sent to a workspace, storage account or event hub',
    '启用 kube-audit 或 kube-audit-admin，并发送到工作区、存储账户或事件中心',
  ],
  [
    'at least one default-deny ingress NetworkPolicy in every user namespace',
    '每个用户命名空间至少有一个默认拒绝入站的 NetworkPolicy',
  ],
  ['at least one NetworkPolicy in every user namespace', '每个用户命名空间至少有一个 NetworkPolicy'],
  ['at least one ResourceQuota in every user namespace', '每个用户命名空间至少有一个 ResourceQuota'],
  ['at least one LimitRange in every user namespace', '每个用户命名空间至少有一个 LimitRange'],
  [
    'requests and limits for cpu and memory (own or LimitRange default)',
    'cpu 与 memory 的 requests 和 limits（自身设置或 LimitRange 默认值）',
  ],
  [
    'requests and limits for cpu (own or LimitRange default)',
    'cpu 的 requests 和 limits（自身设置或 LimitRange 默认值）',
  ],
  [
    'requests and limits for memory (own or LimitRange default)',
    'memory 的 requests 和 limits（自身设置或 LimitRange 默认值）',
  ],
  [
    'no read-write mount of /, /boot, /dev, /etc, /lib, /proc, /sys, /usr or below',
    '不以读写方式挂载 /、/boot、/dev、/etc、/lib、/proc、/sys、/usr 及其下级目录',
  ],
  [
    'no hostPort < 1024 (and no containerPort < 1024 with hostNetwork)',
    '无 hostPort < 1024（使用 hostNetwork 时也无 containerPort < 1024）',
  ],
  [
    'no privileged container; no hostPath at /dev, below it, or /',
    '无特权容器；无指向 /dev、其下级目录或 / 的 hostPath',
  ],
  ['no hostPath at or above a runtime socket', '无指向容器运行时套接字或其上级目录的 hostPath'],
  [
    'runAsNonRoot: true or runAsUser > 0, and never runAsUser 0',
    'runAsNonRoot: true 或 runAsUser > 0，且绝不 runAsUser 0',
  ],
  [
    'NET_RAW or ALL dropped; NET_RAW not added; not privileged',
    '已丢弃 NET_RAW 或 ALL；未添加 NET_RAW；非特权',
  ],
  ['a non-empty securityContext on the pod or the container', 'Pod 或容器上有非空的 securityContext'],
  ['an explicit tag other than latest, or a digest', '明确的非 latest 标签，或摘要'],
  ['no Secret references in env or envFrom', 'env 或 envFrom 中不引用 Secret'],
  ['Disabled (or a private cluster without public FQDN)', 'Disabled（或没有公共 FQDN 的专用群集）'],
  ['a minor still supported upstream when the facts were collected', '采集事实时上游仍支持的次版本'],
  ['a minor version still supported', '仍受支持的次版本'],
  [
    'false, or true with RBAC granting anonymous users health checks only',
    'false，或为 true 但 RBAC 只允许匿名用户访问健康检查',
  ],
  ['false, or tokens bound only to node-joining roles', 'false，或令牌只绑定到节点加入所需的角色'],
  ['health and version endpoints only', '仅健康检查与版本端点'],
  ['includes ImagePolicyWebhook (or another image control)', '包含 ImagePolicyWebhook（或其他镜像控制）'],
  [
    '--audit-webhook-config-file set (or a log shipper a person confirms)',
    '已设置 --audit-webhook-config-file（或由人员确认的日志转发程序）',
  ],
  [
    'first provider for secrets: aescbc, kms or secretbox',
    'secrets 的第一个提供程序为 aescbc、kms 或 secretbox',
  ],
  ['set to an EncryptionConfiguration file', '设置为一个 EncryptionConfiguration 文件'],
  ['set to a Policy file', '设置为一个 Policy 文件'],
  ['set to a file or "-"', '设置为一个文件或 "-"'],
  ['set to a CA file', '设置为一个 CA 文件'],
  ['differs from etcd --trusted-ca-file', '与 etcd 的 --trusted-ca-file 不同'],
  ['a CA used only for etcd', '仅用于 etcd 的 CA'],
  ['absent (60s) or between 1s and 300s', '未设置（60s）或介于 1s 与 300s 之间'],
  ['absent (6443) or an integer 1-65535', '未设置（6443）或 1-65535 之间的整数'],
  ['(absent, or in --disable-admission-plugins)', '（未设置，或列在 --disable-admission-plugins 中）'],
  [
    'tlsCertFile and tlsPrivateKeyFile set, or serverTLSBootstrap true',
    '已设置 tlsCertFile 与 tlsPrivateKeyFile，或 serverTLSBootstrap 为 true',
  ],
  [
    'serverTLSBootstrap true, or feature gate RotateKubeletServerCertificate=true set',
    'serverTLSBootstrap 为 true，或已设置特性门控 RotateKubeletServerCertificate=true',
  ],
  [
    'serverTLSBootstrap true and RotateKubeletServerCertificate not false',
    'serverTLSBootstrap 为 true 且 RotateKubeletServerCertificate 不为 false',
  ],
  ['rotateCertificates not false (absent or true)', 'rotateCertificates 不为 false（未设置或为 true）'],
  ['authorization mode Webhook (not AlwaysAllow)', '授权模式为 Webhook（而非 AlwaysAllow）'],
  ['anonymous auth disabled', '已禁用匿名认证'],
  ['a Log Analytics workspace', '一个 Log Analytics 工作区'],
  ['true, or authorized IP ranges', 'true，或已设置授权 IP 范围'],
  ['non-empty, without 0.0.0.0/0', '非空，且不含 0.0.0.0/0'],
  ['baseline or restricted on every user namespace', '每个用户命名空间均为 baseline 或 restricted'],
  ['empty, or NET_BIND_SERVICE only', '为空，或仅 NET_BIND_SERVICE'],
  ['true (or another external store)', 'true（或其他外部存储）'],
  ['true (or another policy control)', 'true（或其他策略控制）'],
  ['only the built-in cluster-admin binding', '仅内置的 cluster-admin 绑定'],
  ['no * outside Kubernetes built-in roles', 'Kubernetes 内置角色之外没有 *'],
  ['every policy selects a pod', '每个策略都选中至少一个 Pod'],
  ['no NodePort Services', '没有 NodePort 类型的 Service'],
  ['no hostPath volumes', '没有 hostPath 卷'],
  ['false on every container', '每个容器均为 false'],
  ['an external secret store', '外部机密存储'],
  ['a secret store CRD', '机密存储的 CRD'],
  ['a policy-capable CNI', '支持网络策略的 CNI'],
  ['a policy engine', '策略引擎'],
  ['an image policy', '镜像策略'],
  ['an issuer URL', '颁发者 URL'],
  ['a scan interval (hours)', '扫描间隔（小时）'],
  ['a 127.0.0.1 address', '127.0.0.1 地址'],
  ['Metadata or above', 'Metadata 或更高'],
  ['allowedUnsafeSysctls empty', 'allowedUnsafeSysctls 为空'],
  ['contains ALL', '包含 ALL'],
  ['not default', '不是 default'],
  ['no AlwaysAllow', '不含 AlwaysAllow'],
  ['the Go runtime defaults apply; they vary by Go version', '采用 Go 运行时的默认值，随 Go 版本而不同'],
  ['no image policy CRD, constraint or verifier webhook', '没有镜像策略 CRD、约束或验证 webhook'],
  ['Gatekeeper webhooks and CRDs', 'Gatekeeper 的 webhook 与 CRD'],
  ['customresourcedefinitions of secret stores', '机密存储的 customresourcedefinitions'],
  ['secret store workloads', '机密存储工作负载'],
  ['against pod and template labels', '对照 Pod 与模板的标签'],
  ['role bindings to default', '绑定到 default 的角色绑定'],
  ['pods and templates', 'Pod 与模板'],
  [
    '.spec.securityContext and containers[].securityContext',
    '.spec.securityContext 与 containers[].securityContext',
  ],
  [
    '(container, else pod; legacy annotations; kubelet seccompDefault)',
    '（容器，否则 Pod；旧式注解；kubelet seccompDefault）',
  ],
  ['(container, else pod)', '（容器，否则 Pod）'],
  ['per namespace', '（按命名空间）'],
  ['cluster resource id', '群集资源 ID'],
];

/** Patterns with identifiers in them, applied first. */
const PATTERNS: [RegExp, string][] = [
  [/^grants (.+) via (ClusterRole|Role) (\S+) cluster-wide$/, '经 $2 $3 在全群集范围授予 $1'],
  [/^grants (.+) via (ClusterRole|Role) (\S+) in namespace (\S+)$/, '经 $2 $3 在命名空间 $4 中授予 $1'],
  [/^binds (ClusterRole|Role) (\S+)$/, '绑定 $1 $2'],
  [/rbac who can (approve|change|create|read|use)\b/, 'rbac 谁可以 $1'],
  [/谁可以 (\w+) pods or workloads/, '谁可以 $1 Pod 或工作负载'],
  [/(\d+) finding\(s\)/g, '$1 处发现'],
  [/(\d+) default service accounts/g, '$1 个 default 服务账户'],
  [/(\d+) pod specs run as default/g, '$1 个 Pod 规约以 default 运行'],
  [
    /(\d+) object\(s\) in system or empty reserved namespaces excluded/g,
    '已排除系统或空的保留命名空间中的 $1 个对象',
  ],
  [/(\d+) of (\d+) containers offend/g, '$2 个容器中 $1 个不符合'],
  [
    /(\d+) of (\d+) pod specs \(pods and workload templates\) offend/g,
    '$2 个 Pod 规约（Pod 与工作负载模板）中 $1 个不符合',
  ],
  [
    /(\d+) of (\d+) pod specs mount a token \((\d+) of the default account\)/g,
    '$2 个 Pod 规约中 $1 个挂载令牌（其中 $3 个为 default 账户）',
  ],
  [/(\d+) undecided/g, '$1 个无法判定'],
  [/(\d+) in system namespaces \(([^)]*)\) excluded/g, '已排除系统命名空间（$2）中的 $1 个'],
  [
    /(\d+) grant\(s\) to subjects outside Kubernetes defaults/g,
    '$1 项授权给了 Kubernetes 默认主体以外的主体',
  ],
  [/(\d+) built-in and (\d+) provider grant\(s\) excluded/g, '已排除 $1 项内置授权与 $2 项提供商授权'],
  [/(\d+) built-in and (\d+) provider roles excluded/g, '已排除 $1 个内置角色与 $2 个提供商角色'],
  [/(\d+) bindings examined/g, '共检查 $1 个绑定'],
  [/(\d+) binding\(s\) name a role not in the facts/g, '$1 个绑定引用了事实中没有的角色'],
  [/(\d+) of (\d+) roles use \*/g, '$2 个角色中 $1 个使用 *'],
  [/(\d+) of (\d+) namespaces have one; excluded: (.+)$/g, '$2 个命名空间中 $1 个已设置；已排除：$3'],
  [
    /(\d+) of (\d+) user namespaces enforce baseline or restricted/g,
    '$2 个用户命名空间中 $1 个强制执行 baseline 或 restricted',
  ],
  [/(\d+) of (\d+) policies select no pod/g, '$2 个策略中 $1 个未选中任何 Pod'],
  [/(\d+) NodePort of (\d+) Services/g, '$2 个 Service 中 $1 个为 NodePort'],
  [/(\d+) in system namespaces \(([^)]*)\) exc\w*/g, '已排除系统命名空间（$2）中的 $1 个'],
  [
    /(\d+) extra binding subject\(s\) naming system:masters; (\d+) built-in/g,
    '$1 个额外绑定主体指向 system:masters；$2 个内置',
  ],
  [/kube-system not required/g, 'kube-system 不作要求'],
  [/support ends (\S+) \(calendar as of (\S+)\)/g, '支持于 $1 结束（日历截至 $2）'],
  [/^mode (\d+), owner (\S+)$/, '权限 $1，属主 $2'],
  [/^mode ≤ (\d+)$/, '权限 ≤ $1'],
  [/^owner (\S+)$/, '属主 $1'],
  [/^only Group (\S+)$/, '仅 Group $1'],
  [/^(\d+) privileged containers$/, '$1 个特权容器'],
  [/^(\S+) unset or false$/, '$1 未设置或为 false'],
  [/^not set \(defaults to (.+)\)$/, '未设置（默认为 $1）'],
  [/^none of (.+)$/, '$1 均不存在'],
  [/who can (\w+) pods or workloads/, 'who can $1 Pod 或工作负载'],
  [/^not set \(gate defaults to (.+)\)$/, '未设置（特性门控默认为 $1）'],
  [/^not set \((.+)\)$/, '未设置（$1）'],
  [/^(\S+) not enabled \(off by default\)$/, '$1 未启用（默认关闭）'],
  [/^(\S+) enabled by default$/, '$1 默认启用'],
  [/^(\S+) enabled by (--\S+)$/, '$1 由 $2 启用'],
  [/^(\S+) not enabled\b/, '$1 未启用'],
  [/^(\S+) enabled$/, '$1 已启用'],
  [/^(\S+) not set$/, '$1 未设置'],
  [/^(\S+) not false$/, '$1 不为 false'],
  [/^(\S+) set$/, '已设置 $1'],
  [/^(\S+) (true|false)$/, '$1 为 $2'],
  [/^(\S+) (\d+)$/, '$1 为 $2'],
  [/^(\S+) > 0$/, '$1 > 0'],
  [/^includes (\S+)$/, '包含 $1'],
  [/^one of (.+)$/, '以下之一：$1'],
  [/^set; every suite in the suites (.+) lists$/, '已设置；每个套件都在 $1 列出的套件中'],
  [/^(\S+) set; every suite in the suites (.+) lists$/, '已设置 $1；每个套件都在 $2 列出的套件中'],
  [/^set; every suite in HIGH-strength suites \((.+)\)$/, '已设置；每个套件都属于高强度套件（$1）'],
  [/^(\S+) set; every suite in HIGH-strength suites \((.+)\)$/, '已设置 $1；每个套件都属于高强度套件（$2）'],
  [/per RFC (\d+)/g, '依据 RFC $1'],
  [/^(.+), (\S+) or (\S+)$/, '$1、$2 或 $3'],
  [/^(\S+) or (\S+)$/, '$1 或 $2'],
];

/** Single words left between identifiers. */
const WORDS: Record<string, string> = {
  'not set': '未设置',
  'both set': '均已设置',
  'set, > 0': '已设置，> 0',
  'unset or false': '未设置或为 false',
  'unset or 0': '未设置或为 0',
  'false or absent': 'false 或未设置',
  set: '已设置',
  any: '任意',
  none: '无',
  process: '进程',
  node: '节点',
  matching: '匹配',
};

export function factText(text: string, lang: Lang): string {
  if (lang === 'en' || !/[a-z]{2}/.test(text)) return text;
  const exact = WORDS[text];
  if (exact) return exact;
  let out = text;
  for (const [phrase, zh] of PHRASES) out = out.split(phrase).join(zh);
  for (const [pattern, zh] of PATTERNS) out = out.replace(pattern, zh);
  out = out.replace(/^node (\S+) process /, '节点 $1 进程 ');
  return out;
}

/** A Chinese sentence of a check with the English phrases it quotes in （…） translated as well. */
export function factSentence(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text.replace(/（([^（）]*(?:\([^()]*\)[^（）]*)*)）/g, (_, inner: string) => {
    const m = /^(应为 |期望：)(.*)$/.exec(inner);
    return m ? `（${m[1]}${factText(m[2]!, lang)}）` : `（${factText(inner, lang)}）`;
  });
}
