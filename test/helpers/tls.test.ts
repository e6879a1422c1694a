// The test servers' throw-away certificate must load every time: a bad serial once in ~256 runs failed CI.
import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate, serialNumber } from './tls.js';

describe('selfSignedCertificate', () => {
  it('keeps the serial minimal and positive for every first byte, including 0x00 and 0xff', () => {
    for (let first = 0; first < 256; first++) {
      const serial = serialNumber(Buffer.from([first, 0x00, 0x12]));
      expect(serial[0]).toBeGreaterThanOrEqual(0x40);
      expect(serial[0]).toBeLessThan(0x80);
      expect(serial.subarray(1)).toEqual(Buffer.from([0x00, 0x12]));
    }
  });

  it('loads into a TLS context and parses as a CA certificate for 127.0.0.1, over many random serials', () => {
    // Before the fix about 1 in 256 certificates failed to load; 512 loads make a regression near-certain to show.
    for (let run = 0; run < 512; run++) {
      const { cert, key } = selfSignedCertificate();
      expect(() => createSecureContext({ cert, key })).not.toThrow();
      const parsed = new X509Certificate(cert);
      expect(parsed.ca).toBe(true);
      expect(parsed.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(parsed.checkHost('localhost')).toBe('localhost');
    }
  });
});
