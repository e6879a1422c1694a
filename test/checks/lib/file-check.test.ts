// Unit tests of the file rules: mode as a bitmask and owner by name or id.
import { describe, expect, it } from 'vitest';
import { judgeFile, modeWithin } from '../../../src/checks/lib/file-check.js';

describe('modeWithin', () => {
  it('accepts modes with no bit beyond the maximum', () => {
    expect(modeWithin('0600', 0o600)).toBe(true);
    expect(modeWithin('0400', 0o600)).toBe(true);
    expect(modeWithin('600', 0o600)).toBe(true);
    expect(modeWithin('0700', 0o700)).toBe(true);
  });

  it('rejects any extra bit, even a lower number', () => {
    expect(modeWithin('0644', 0o600)).toBe(false);
    expect(modeWithin('0610', 0o600)).toBe(false);
    expect(modeWithin('0501', 0o600)).toBe(false);
    expect(modeWithin('4600', 0o600)).toBe(false);
  });
});

describe('judgeFile', () => {
  it('falls back to uid/gid 0 for root', () => {
    expect(judgeFile({ exists: true, uid: 0, gid: 0 }, { owner: 'root:root' }).ok).toBe(true);
  });

  it('cannot decide without the mode', () => {
    expect(judgeFile({ exists: true, owner: 'root', group: 'root' }, { maxMode: 0o600 }).ok).toBeUndefined();
  });

  it('fails on a wrong owner', () => {
    expect(judgeFile({ exists: true, owner: 'root', group: 'etcd' }, { owner: 'etcd:etcd' }).ok).toBe(false);
  });
});
