// Builds a small ICC v2 display profile for sRGB (IEC 61966-2-1) from its published primaries, white point and tone curve.

/**
 * A PDF/A output intent needs an ICC profile, and no well-kept npm package ships sRGB's on its own. The
 * profile is fully defined by the standard's numbers: the colorants are the sRGB primaries (D65) adapted
 * to the ICC's D50 connection space with the Bradford transform, and each channel's curve is the sRGB
 * transfer function sampled at 1024 points (ICC v2 has no parametric curves).
 */
const PRIMARIES = {
  red: [0.64, 0.33],
  green: [0.3, 0.6],
  blue: [0.15, 0.06],
} as const;
const D65 = [0.3127, 0.329] as const;
/** The ICC profile connection space's illuminant, as its header and the standard write it. */
export const D50_XYZ = [0.9642, 1.0, 0.8249] as const;
const BRADFORD = [
  [0.8951, 0.2664, -0.1614],
  [-0.7502, 1.7135, 0.0367],
  [0.0389, -0.0685, 1.0296],
];
const CURVE_POINTS = 1024;
export const SRGB_DESCRIPTION = 'sRGB IEC61966-2.1';

type Vec = [number, number, number];
type Mat = [Vec, Vec, Vec];

const xyToXYZ = ([x, y]: readonly [number, number]): Vec => [x / y, 1, (1 - x - y) / y];

function multiply(a: number[][], b: number[][]): Mat {
  return [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => a[i]![0]! * b[0]![j]! + a[i]![1]! * b[1]![j]! + a[i]![2]! * b[2]![j]!),
  ) as Mat;
}
const apply = (m: number[][], v: number[]): Vec =>
  [0, 1, 2].map((i) => m[i]![0]! * v[0]! + m[i]![1]! * v[1]! + m[i]![2]! * v[2]!) as Vec;

function invert(m: number[][]): Mat {
  const [[a, b, c], [d, e, f], [g, h, i]] = m as Mat;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

/** The red, green and blue colorants (XYZ of each primary at full intensity) adapted to D50. */
export function srgbColorantsD50(): { red: Vec; green: Vec; blue: Vec } {
  const columns = [PRIMARIES.red, PRIMARIES.green, PRIMARIES.blue].map(xyToXYZ);
  const white = xyToXYZ(D65);
  // Scale each primary so that R = G = B = 1 gives the white point (Y = 1).
  const p = [0, 1, 2].map((i) => columns.map((col) => col[i]!));
  const scale = apply(invert(p), white);
  const rgbToXyz = p.map((row) => row.map((v, j) => v * scale[j]!));
  // Bradford chromatic adaptation D65 → D50.
  const coneFrom = apply(BRADFORD, white);
  const coneTo = apply(BRADFORD, [...D50_XYZ]);
  const diag = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? coneTo[i]! / coneFrom[i]! : 0)));
  const adapted = multiply(multiply(invert(BRADFORD), multiply(diag, BRADFORD)), rgbToXyz);
  const column = (j: number): Vec => [adapted[0][j]!, adapted[1][j]!, adapted[2][j]!];
  return { red: column(0), green: column(1), blue: column(2) };
}

/** The sRGB transfer function: encoded value (0–1) to linear light. */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

class Writer {
  readonly bytes: number[] = [];
  u8(v: number): this {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16(Math.floor(v / 0x10000) & 0xffff).u16(v & 0xffff);
  }
  ascii(s: string): this {
    for (const ch of s) this.u8(ch.charCodeAt(0));
    return this;
  }
  s15Fixed16(v: number): this {
    return this.u32((Math.round(v * 65536) + 0x100000000) % 0x100000000);
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.u8(0);
    return this;
  }
  pad4(): this {
    while (this.bytes.length % 4 !== 0) this.u8(0);
    return this;
  }
}

const xyzTag = (v: readonly number[]) =>
  new Writer().ascii('XYZ ').zeros(4).s15Fixed16(v[0]!).s15Fixed16(v[1]!).s15Fixed16(v[2]!).bytes;

const textTag = (text: string) => new Writer().ascii('text').zeros(4).ascii(text).u8(0).bytes;

/** textDescriptionType (ICC v2): ASCII, then empty Unicode and ScriptCode descriptions. */
const descTag = (text: string) =>
  new Writer()
    .ascii('desc')
    .zeros(4)
    .u32(text.length + 1)
    .ascii(text)
    .u8(0)
    .u32(0)
    .u32(0)
    .u16(0)
    .u8(0)
    .zeros(67).bytes;

function curveTag(): number[] {
  const w = new Writer().ascii('curv').zeros(4).u32(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) w.u16(Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 65535));
  return w.bytes;
}

/** The profile's bytes: header, tag table, then the tags (the three curves share one). */
export function srgbIccProfile(): Uint8Array {
  const colorants = srgbColorantsD50();
  const curve = curveTag();
  const tags: [string, number[]][] = [
    ['desc', descTag(SRGB_DESCRIPTION)],
    ['cprt', textTag('No copyright, use freely')],
    // ICC v2 display profiles record the display's own white (D65) as the media white point.
    ['wtpt', xyzTag(xyToXYZ(D65))],
    ['rXYZ', xyzTag(colorants.red)],
    ['gXYZ', xyzTag(colorants.green)],
    ['bXYZ', xyzTag(colorants.blue)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const placed = new Map<number[], number>();
  const entries: [string, number, number][] = [];
  const data = new Writer();
  for (const [signature, bytes] of tags) {
    if (!placed.has(bytes)) {
      placed.set(bytes, offset);
      data.bytes.push(...bytes);
      data.pad4();
      offset = 128 + tableSize + data.bytes.length;
    }
    entries.push([signature, placed.get(bytes)!, bytes.length]);
  }
  const size = 128 + tableSize + data.bytes.length;
  const header = new Writer()
    .u32(size)
    .zeros(4) // preferred CMM: none
    .u32(0x02100000) // version 2.1.0
    .ascii('mntr')
    .ascii('RGB ')
    .ascii('XYZ ')
    // Creation date: fixed, so the profile (and the PDFs) do not change from run to run.
    .u16(2026)
    .u16(1)
    .u16(1)
    .u16(0)
    .u16(0)
    .u16(0)
    .ascii('acsp')
    .zeros(4 + 4 + 4 + 4 + 8) // platform, flags, manufacturer, model, attributes
    .u32(0) // rendering intent: perceptual
    .s15Fixed16(D50_XYZ[0])
    .s15Fixed16(D50_XYZ[1])
    .s15Fixed16(D50_XYZ[2])
    .zeros(4 + 16 + 28); // creator, profile ID (v4 only), reserved
  const table = new Writer().u32(tags.length);
  for (const [signature, at, length] of entries) table.ascii(signature).u32(at).u32(length);
  return Uint8Array.from([...header.bytes, ...table.bytes, ...data.bytes]);
}
