// Check: the audit policy logs Secrets, ConfigMaps, TokenReviews and exec/port-forward at Metadata or above, without Secret or token bodies.
import type { Check, Evidence } from '../../model/check.js';
import type { JsonObject, JsonValue } from '../../model/facts.js';
import { t } from '../../model/text.js';
import { componentArgs, fileContent } from '../lib/components.js';
import { exampleFacts } from '../lib/example-facts.js';
import { componentNeeds, noCommandLine } from '../lib/flag-check.js';
import { flagValue } from '../lib/flags.js';
import { fail, manual, pass } from '../lib/outcome.js';

const LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'];

interface Concern {
  group: string;
  resource: string;
  /** Highest level allowed: Secrets and TokenReviews above Metadata would copy credentials into the log. */
  max: string;
}

const CONCERNS: Concern[] = [
  { group: '', resource: 'secrets', max: 'Metadata' },
  { group: '', resource: 'configmaps', max: 'RequestResponse' },
  { group: 'authentication.k8s.io', resource: 'tokenreviews', max: 'Metadata' },
  { group: '', resource: 'pods/exec', max: 'RequestResponse' },
  { group: '', resource: 'pods/portforward', max: 'RequestResponse' },
];

const asObject = (v: JsonValue | undefined): JsonObject | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const strings = (v: JsonValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];

function resourceMatches(names: string[], resource: string): boolean {
  if (names.length === 0 || names.includes('*') || names.includes(resource)) return true;
  const [main, sub] = resource.split('/');
  return sub !== undefined && (names.includes(`${main}/*`) || names.includes(`*/${sub}`));
}

/**
 * The level the policy gives every request for one resource, taking rules in order as the API server
 * does. Rules narrowed to some users, verbs or namespaces are skipped, but one that turns logging off
 * (None) for part of the requests is reported, since a person must judge that exclusion.
 */
export function levelFor(policy: JsonObject, concern: Concern): { level: string; partialNone: boolean } {
  let partialNone = false;
  for (const value of Array.isArray(policy.rules) ? policy.rules : []) {
    const rule = asObject(value);
    if (!rule) continue;
    const groups = Array.isArray(rule.resources)
      ? rule.resources.map(asObject).filter((g): g is JsonObject => Boolean(g))
      : [];
    const nonResource = strings(rule.nonResourceURLs).length > 0;
    let matches: boolean;
    let narrowedByName = false;
    if (groups.length === 0) matches = !nonResource;
    else {
      const hit = groups.find(
        (g) =>
          (typeof g.group === 'string' ? g.group : '') === concern.group &&
          resourceMatches(strings(g.resources), concern.resource),
      );
      matches = Boolean(hit);
      narrowedByName = strings(hit?.resourceNames).length > 0;
    }
    if (!matches) continue;
    const narrowed =
      narrowedByName ||
      ['users', 'userGroups', 'verbs', 'namespaces'].some((k) => strings(rule[k]).length > 0);
    const level = typeof rule.level === 'string' ? rule.level : 'None';
    if (narrowed) {
      if (level === 'None') partialNone = true;
      continue;
    }
    return { level, partialNone };
  }
  // A request no rule matches is not logged.
  return { level: 'None', partialNone };
}

const policyPath = '/etc/kubernetes/audit-policy.yaml';
const withPolicy = (policy: JsonObject | undefined) =>
  exampleFacts({
    nodes: [
      {
        name: 'cp',
        processes: { 'kube-apiserver': ['kube-apiserver', `--audit-policy-file=${policyPath}`] },
        files: policy
          ? { [policyPath]: { type: 'file', mode: '0600', owner: 'root', group: 'root', content: policy } }
          : {},
      },
    ],
  });
const goodPolicy: JsonObject = {
  apiVersion: 'audit.k8s.io/v1',
  kind: 'Policy',
  rules: [
    {
      level: 'None',
      users: ['system:kube-proxy'],
      verbs: ['watch'],
      resources: [{ group: '', resources: ['endpoints', 'services'] }],
    },
    {
      level: 'Metadata',
      resources: [
        { group: '', resources: ['secrets', 'configmaps'] },
        { group: 'authentication.k8s.io', resources: ['tokenreviews'] },
      ],
    },
    { level: 'RequestResponse', resources: [{ group: '', resources: ['pods/exec', 'pods/portforward'] }] },
    { level: 'Metadata' },
  ],
};

const check: Check = {
  id: 'audit-policy-covers-key-concerns',
  title: t('审计策略覆盖关键安全关注点', 'The audit policy covers key security concerns'),
  component: 'audit',
  needs: [...componentNeeds('kube-apiserver'), 'node:files'],
  remediation: t(
    '在审计策略中以 Metadata 级别记录 secrets、configmaps 与 tokenreviews（secrets 与 tokenreviews 不要用 Request 或更高级别，以免记录凭据），并记录 pods/exec 与 pods/portforward。',
    'Log secrets, configmaps and tokenreviews at Metadata in the audit policy (never Request or above for secrets and tokenreviews, which would record credentials), and log pods/exec and pods/portforward.',
  ),
  run({ facts }) {
    const found = componentArgs(facts, 'kube-apiserver');
    if (found.length === 0) return manual(noCommandLine('kube-apiserver'));
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const unknown: string[] = [];
    const partial: string[] = [];
    for (const args of found) {
      const path = flagValue(args.flags, 'audit-policy-file');
      if (!path) {
        problems.push(`${args.location}: no --audit-policy-file`);
        evidence.push({
          source: args.source,
          path: `${args.location} --audit-policy-file`,
          observed: 'not set',
          expected: 'an audit policy',
          time: args.time,
          file: args.file,
        });
        continue;
      }
      const read = fileContent(facts, path, args.node);
      const policy = asObject(read?.content);
      if (!read || !policy) {
        unknown.push(path);
        evidence.push({
          source: args.source,
          path: `${args.location} --audit-policy-file`,
          observed: path,
          expected: 'policy content in the node facts',
          time: args.time,
          file: args.file,
        });
        continue;
      }
      for (const concern of CONCERNS) {
        const { level, partialNone } = levelFor(policy, concern);
        const rank = LEVELS.indexOf(level);
        const name = `${concern.group || 'core'}/${concern.resource}`;
        if (rank < 1) problems.push(`${name} not logged`);
        else if (rank > LEVELS.indexOf(concern.max))
          problems.push(`${name} logged at ${level}, which records credentials`);
        if (partialNone) partial.push(name);
        evidence.push({
          source: 'node',
          path: `node ${read.node} ${path} ${name}`,
          observed: partialNone ? `${level} (some requests excluded by a narrower None rule)` : level,
          expected: concern.max === 'Metadata' ? 'Metadata' : 'Metadata or above',
          time: facts.nodes.get(read.node)?.collectedAt || args.time,
          file: facts.origins.get(`node:${read.node}`)?.file,
        });
      }
    }
    if (problems.length > 0)
      return fail(
        t(
          `审计策略未覆盖关键关注点：${problems.join('；')}`,
          `The audit policy misses key concerns: ${problems.join('; ')}`,
        ),
        evidence,
      );
    if (unknown.length > 0) {
      return manual(
        t(
          `节点事实未包含审计策略 ${unknown.join('、')} 的内容，需要人工核查`,
          `The node facts do not carry the content of ${unknown.join(', ')}: a person must review it`,
        ),
        evidence,
      );
    }
    if (partial.length > 0) {
      return manual(
        t(
          `审计策略对以下资源的部分请求不记录，需要人工判断：${partial.join('、')}`,
          `The audit policy leaves some requests unlogged for ${partial.join(', ')}: a person must judge the exclusion`,
        ),
        evidence,
      );
    }
    return pass(
      t('审计策略以恰当级别记录了关键资源', 'The audit policy logs the key resources at a suitable level'),
      evidence,
    );
  },
  examples: [
    {
      name: 'Metadata for secrets, configmaps, tokenreviews; exec logged',
      expect: 'pass',
      facts: () => withPolicy(goodPolicy),
    },
    {
      name: 'catch-all Metadata rule only',
      expect: 'pass',
      facts: () => withPolicy({ kind: 'Policy', rules: [{ level: 'Metadata' }] }),
    },
    {
      name: 'secrets at RequestResponse: values in the log',
      expect: 'fail',
      facts: () => withPolicy({ kind: 'Policy', rules: [{ level: 'RequestResponse' }] }),
    },
    {
      name: 'secrets turned off before the catch-all',
      expect: 'fail',
      facts: () =>
        withPolicy({
          kind: 'Policy',
          rules: [
            { level: 'None', resources: [{ group: '', resources: ['secrets'] }] },
            { level: 'Metadata' },
          ],
        }),
    },
    {
      name: 'secrets off for one group of users',
      expect: 'manual',
      facts: () =>
        withPolicy({
          kind: 'Policy',
          rules: [
            { level: 'None', userGroups: ['ops'], resources: [{ group: '', resources: ['secrets'] }] },
            { level: 'Metadata' },
          ],
        }),
    },
    { name: 'policy content not collected', expect: 'manual', facts: () => withPolicy(undefined) },
  ],
};
export default check;
