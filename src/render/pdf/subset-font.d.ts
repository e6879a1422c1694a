// Types for subset-font (it ships none): harfbuzz's hb-subset, compiled to wasm, behind one function.
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
  }
  /** The font cut down to the glyphs `text` needs, cmap included, in `targetFormat` (default: the input's). */
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
