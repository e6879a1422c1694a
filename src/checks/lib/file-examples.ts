// The standard pass and fail examples of a file mode or ownership check, for any path the check looks at.
import type { CheckExample } from '../../model/check.js';
import type { NodeFile } from '../../model/facts.js';
import { exampleFacts } from './example-facts.js';

const withFile = (file: string, facts: Partial<NodeFile>, node: string) =>
  exampleFacts({ nodes: [{ name: node, files: { [file]: { type: 'file', ...facts } } }] });

/** A file that no node has, and no node facts at all: a person has to look. */
function missingExamples(file: string, node: string): CheckExample[] {
  return [
    {
      name: 'file absent on every node',
      expect: 'manual',
      facts: () => exampleFacts({ nodes: [{ name: node, files: { [file]: { exists: false } } }] }),
    },
    { name: 'no node facts', expect: 'manual', facts: () => exampleFacts() },
  ];
}

/** "600 or more restrictive": stricter modes pass, any group or other bit fails. */
export function modeExamples(file: string, node = 'cp'): CheckExample[] {
  const root = { owner: 'root', group: 'root' };
  return [
    { name: 'mode 0600', expect: 'pass', facts: () => withFile(file, { mode: '0600', ...root }, node) },
    {
      name: 'mode 0400 is stricter',
      expect: 'pass',
      facts: () => withFile(file, { mode: '0400', ...root }, node),
    },
    {
      name: 'mode 0644: group and others can read',
      expect: 'fail',
      facts: () => withFile(file, { mode: '0644', ...root }, node),
    },
    {
      name: 'mode 0660: group can write',
      expect: 'fail',
      facts: () => withFile(file, { mode: '0660', ...root }, node),
    },
    ...missingExamples(file, node),
  ];
}

/** root:root by name or by id; another user or group fails. */
export function rootOwnerExamples(file: string, node = 'cp'): CheckExample[] {
  return [
    {
      name: 'root:root',
      expect: 'pass',
      facts: () => withFile(file, { mode: '0600', owner: 'root', group: 'root' }, node),
    },
    {
      name: 'ids only: uid 0, gid 0',
      expect: 'pass',
      facts: () => withFile(file, { mode: '0600', uid: 0, gid: 0 }, node),
    },
    {
      name: 'owned by a user account',
      expect: 'fail',
      facts: () => withFile(file, { mode: '0600', owner: 'ops', group: 'root' }, node),
    },
    {
      name: 'group is not root',
      expect: 'fail',
      facts: () => withFile(file, { mode: '0600', owner: 'root', group: 'staff' }, node),
    },
    ...missingExamples(file, node),
  ];
}

/** "644 or more restrictive" (CIS AKS 3.1.x): others may read, nobody but the owner may write. */
export function mode644Examples(file: string, node = 'worker'): CheckExample[] {
  const root = { owner: 'root', group: 'root' };
  return [
    { name: 'mode 0644', expect: 'pass', facts: () => withFile(file, { mode: '0644', ...root }, node) },
    {
      name: 'mode 0600 is stricter',
      expect: 'pass',
      facts: () => withFile(file, { mode: '0600', ...root }, node),
    },
    {
      name: 'mode 0664: group can write',
      expect: 'fail',
      facts: () => withFile(file, { mode: '0664', ...root }, node),
    },
    {
      name: 'mode 0646: others can write',
      expect: 'fail',
      facts: () => withFile(file, { mode: '0646', ...root }, node),
    },
    ...missingExamples(file, node),
  ];
}

/** The same examples run with a profile path the test defaults do not carry (`azureJson`). */
export function withPath(examples: CheckExample[], key: string, path: string): CheckExample[] {
  return examples.map((e) => ({ ...e, params: { ...e.params, paths: { ...e.params?.paths, [key]: path } } }));
}
