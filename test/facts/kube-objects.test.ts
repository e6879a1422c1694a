// Loading kubectl output: kinds from typed lists or file names, and redaction of what must never reach evidence.
import { describe, expect, it } from 'vitest';
import { objectsFromDocument, REDACTED } from '../../src/facts/kube-objects.js';

describe('objectsFromDocument', () => {
  it('takes the kind from a typed list and drops Secret data, env values, last-applied and managedFields', () => {
    const [secret] = objectsFromDocument(
      {
        kind: 'SecretList',
        items: [
          {
            metadata: {
              name: 's',
              namespace: 'n',
              managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
              annotations: {
                'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"cGFzcw=="}}',
                keep: 'yes',
              },
            },
            data: { password: 'cGFzcw==' },
            stringData: { token: 'abc' },
          },
        ],
      },
      'secrets.json',
    );
    expect(secret).toEqual({
      kind: 'Secret',
      metadata: { name: 's', namespace: 'n', annotations: { keep: 'yes' } },
    });
  });

  it('blanks every env value in pod templates, keeping names and references', () => {
    const [deployment] = objectsFromDocument(
      {
        kind: 'Deployment',
        metadata: { name: 'd', namespace: 'n' },
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'c',
                  env: [
                    { name: 'PASSWORD', value: 'hunter2' },
                    { name: 'REF', valueFrom: { secretKeyRef: { name: 'x', key: 'y' } } },
                  ],
                },
              ],
            },
          },
        },
      },
      'd.json',
    );
    expect(JSON.stringify(deployment)).not.toContain('hunter2');
    expect(JSON.stringify(deployment)).toContain(REDACTED);
    expect(JSON.stringify(deployment)).toContain('secretKeyRef');
  });

  it('takes the kind from the file name for a plain List', () => {
    const objects = objectsFromDocument(
      { kind: 'List', items: [{ metadata: { name: 'np', namespace: 'a' } }] },
      '10-networkpolicies.yaml',
      'NetworkPolicy',
    );
    expect(objects[0]?.kind).toBe('NetworkPolicy');
  });
});
