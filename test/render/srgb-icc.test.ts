// The sRGB ICC profile the PDFs' output intent embeds: built from the standard's numbers, checked against them and against Little CMS.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { D50_XYZ, srgbColorantsD50, srgbIccProfile, srgbToLinear } from '../../src/render/pdf/srgb-icc.js';
import { iccHeader } from '../helpers/pdf-archival.js';
import { tempDir } from './sample.js';

/** Tag signature → [offset, length], from the profile's tag table. */
function tagTable(icc: Uint8Array): Map<string, [number, number]> {
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const tags = new Map<string, [number, number]>();
  for (let i = 0; i < view.getUint32(128); i++) {
    const at = 132 + i * 12;
    tags.set(String.fromCharCode(...icc.subarray(at, at + 4)), [
      view.getUint32(at + 4),
      view.getUint32(at + 8),
    ]);
  }
  return tags;
}

describe('sRGB ICC profile', () => {
  const icc = srgbIccProfile();

  it('has a valid ICC v2 display-profile header and every tag a matrix/TRC profile needs, inside the file', () => {
    expect(iccHeader(icc)).toEqual({
      size: icc.length,
      major: 2,
      deviceClass: 'mntr',
      colorSpace: 'RGB ',
      pcs: 'XYZ ',
      signature: 'acsp',
    });
    const tags = tagTable(icc);
    for (const tag of ['desc', 'cprt', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC'])
      expect(tags.has(tag), tag).toBe(true);
    for (const [tag, [offset, length]] of tags) {
      expect(offset % 4, tag).toBe(0);
      expect(offset + length, tag).toBeLessThanOrEqual(icc.length);
    }
  });

  it('adds up the colorants to the D50 white and matches the published Bradford-adapted sRGB matrix', () => {
    const { red, green, blue } = srgbColorantsD50();
    for (let i = 0; i < 3; i++) expect(red[i]! + green[i]! + blue[i]!).toBeCloseTo(D50_XYZ[i]!, 3);
    // The sRGB → XYZ (D50, Bradford) matrix as commonly published (B. Lindbloom), columns R, G, B.
    const published = [
      [0.4360747, 0.2225045, 0.0139322],
      [0.3850649, 0.7168786, 0.0971045],
      [0.1430804, 0.0606169, 0.7141733],
    ];
    [red, green, blue].forEach((colorant, c) =>
      colorant.forEach((v, i) => expect(v).toBeCloseTo(published[c]![i]!, 3)),
    );
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
  });

  it.skipIf(spawnSync('transicc', ['-v']).error !== undefined)(
    'converts colours as Little CMS’s built-in sRGB does (within 0.05 ΔE per channel)',
    async () => {
      const file = join(await tempDir('icc'), 'srgb.icc');
      await writeFile(file, icc);
      const input = '255 0 0\n0 255 0\n0 0 255\n255 255 255\n128 128 128\n52 70 94\n';
      const lab = (profile: string) =>
        execFileSync('transicc', ['-i', profile, '-o', '*Lab', '-n'], {
          input,
          encoding: 'utf8',
          stdio: ['pipe', 'pipe', 'ignore'],
        })
          .trim()
          .split('\n')
          .filter((l) => /^\s*-?\d/.test(l))
          .map((l) => l.trim().split(/\s+/).map(Number));
      const ours = lab(file);
      const reference = lab('*sRGB');
      expect(ours).toHaveLength(6);
      ours.forEach((row, i) =>
        row.forEach((v, j) => expect(Math.abs(v - reference[i]![j]!)).toBeLessThan(0.05)),
      );
    },
  );
});
