// Adds PDF bookmarks built from headings and the named destinations Chrome writes for in-document links.
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFDocument,
  type PDFObject,
  type PDFRef,
} from 'pdf-lib';

export interface Heading {
  id: string;
  level: number;
  title: string;
}

interface Node {
  heading: Heading;
  dest: PDFObject;
  children: Node[];
  ref?: PDFRef;
}

/**
 * Chrome only builds its own outline from a tagged PDF, which is several times larger; untagged, it still
 * writes a named destination for every element an internal link points to. A heading whose id is such a
 * target becomes a bookmark; others are skipped. Returns the number of bookmarks written.
 */
export function addOutline(doc: PDFDocument, headings: Heading[]): number {
  const dests = namedDestinations(doc);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const heading of headings) {
    const dest = dests.get(heading.id);
    if (!dest) continue;
    const node: Node = { heading, dest, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.heading.level >= heading.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(node);
    stack.push(node);
  }
  if (roots.length === 0) return 0;
  const context = doc.context;
  const outlinesRef = context.nextRef();
  const count = writeLevel(doc, roots, outlinesRef, true);
  const outlines = context.obj({
    Type: 'Outlines',
    First: roots[0]!.ref!,
    Last: roots[roots.length - 1]!.ref!,
    Count: count,
  });
  context.assign(outlinesRef, outlines);
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  return countAll(roots);
}

/** Writes siblings and their subtrees; top-level items open, deeper ones closed. Returns the visible count. */
function writeLevel(doc: PDFDocument, nodes: Node[], parent: PDFRef, open: boolean): number {
  const context = doc.context;
  for (const node of nodes) node.ref = context.nextRef();
  let visible = nodes.length;
  nodes.forEach((node, i) => {
    const dict = context.obj({}) as PDFDict;
    dict.set(PDFName.of('Title'), PDFHexString.fromText(node.heading.title));
    dict.set(PDFName.of('Parent'), parent);
    dict.set(PDFName.of('Dest'), node.dest);
    if (i > 0) dict.set(PDFName.of('Prev'), nodes[i - 1]!.ref!);
    if (i < nodes.length - 1) dict.set(PDFName.of('Next'), nodes[i + 1]!.ref!);
    if (node.children.length > 0) {
      const childVisible = writeLevel(doc, node.children, node.ref!, false);
      dict.set(PDFName.of('First'), node.children[0]!.ref!);
      dict.set(PDFName.of('Last'), node.children[node.children.length - 1]!.ref!);
      // Positive: open, showing its children; negative: closed.
      dict.set(PDFName.of('Count'), PDFNumber.of(open ? childVisible : -node.children.length));
      if (open) visible += childVisible;
    }
    context.assign(node.ref!, dict);
  });
  return visible;
}

function countAll(nodes: Node[]): number {
  return nodes.reduce((sum, n) => sum + 1 + countAll(n.children), 0);
}

/** Named destinations from the catalog's /Dests dictionary or the /Names /Dests name tree. */
export function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const found = new Map<string, PDFObject>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests)
    for (const [key, value] of dests.entries()) found.set(decodeName(key.asString()), destArray(doc, value));
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(doc, tree, found);
  return found;
}

function walkNameTree(doc: PDFDocument, node: PDFDict, found: Map<string, PDFObject>): void {
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (pairs) {
    for (let i = 0; i + 1 < pairs.size(); i += 2) {
      const key = pairs.lookup(i);
      const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : undefined;
      if (name !== undefined) found.set(name, destArray(doc, pairs.get(i + 1)));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) walkNameTree(doc, kids.lookup(i, PDFDict), found);
}

/** A destination is an array, or a dictionary holding it under /D. */
function destArray(doc: PDFDocument, value: PDFObject): PDFObject {
  const resolved = doc.context.lookup(value);
  if (resolved instanceof PDFDict) return resolved.get(PDFName.of('D')) ?? value;
  return value;
}

/** "/s1" → "s1", undoing #xx escapes Chrome uses for characters outside plain ASCII names. */
export function decodeName(raw: string): string {
  return raw
    .replace(/^\//, '')
    .replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
