import { attributes, TOKEN } from "./charts";

/**
 * Just enough XML structure to merge into a package's shared parts (workbook, relationships,
 * content types, styles) while leaving every byte we do not change as it was: elements are spans
 * of the original text, and edits splice new text in.
 */

export interface ElementSpan {
  /** Local name (without prefix). */
  name: string;
  /** Prefix with its colon ("x:"), or "". */
  prefix: string;
  /** Offsets in the text: the start tag, and the whole element. */
  start: number;
  startTagEnd: number;
  /** Offset where the content ends (the closing tag starts); equals startTagEnd when self-closing. */
  contentEnd: number;
  end: number;
  selfClosing: boolean;
  attrs: Record<string, string>;
}

/** The direct child elements of the content between `from` and `to` (or the root when from = 0). */
export function childElements(xml: string, from = 0, to = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  const pattern = new RegExp(TOKEN.source, "g");
  pattern.lastIndex = from;
  let depth = 0;
  let open: ElementSpan | null = null;
  for (let m = pattern.exec(xml); m !== null && m.index < to; m = pattern.exec(xml)) {
    const [tag, closing, name, selfClosing] = m;
    if (name === undefined) continue; // comment, declaration, CDATA
    if (closing) {
      depth--;
      if (depth === 0 && open) {
        open.contentEnd = m.index;
        open.end = m.index + tag.length;
        out.push(open);
        open = null;
      }
      if (depth < 0) break; // the end of the parent
      continue;
    }
    if (depth === 0) {
      const prefixMatch = /^<([\w.-]+:)/.exec(tag);
      const span: ElementSpan = {
        name,
        prefix: prefixMatch ? prefixMatch[1] : "",
        start: m.index,
        startTagEnd: m.index + tag.length,
        contentEnd: m.index + tag.length,
        end: m.index + tag.length,
        selfClosing: Boolean(selfClosing),
        attrs: attributes(tag.replace(/^<[^\s/>]+/, "")),
      };
      if (selfClosing) out.push(span);
      else {
        open = span;
        depth++;
      }
    } else if (!selfClosing) depth++;
  }
  return out;
}

/** The document's root element. */
export function rootElement(xml: string): ElementSpan {
  const root = childElements(xml)[0];
  if (root === undefined) throw new Error("XML part without a root element");
  return root;
}

/** The children of an element. */
export function childrenOf(xml: string, parent: ElementSpan): ElementSpan[] {
  return parent.selfClosing ? [] : childElements(xml, parent.startTagEnd, parent.contentEnd);
}

/** One edit: replace [start, end) with text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (in any order). */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}

/**
 * Splices that append `items` to an element's content (turning `<x/>` into `<x>…</x>`) and set its
 * count attribute, when it has one, to `count`.
 */
export function appendChildren(
  xml: string,
  element: ElementSpan,
  items: string,
  count?: number
): Splice[] {
  let startTag = xml.slice(element.start, element.startTagEnd);
  if (count !== undefined && "count" in element.attrs)
    startTag = startTag.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1"${count}"`);
  if (element.selfClosing) {
    const open = startTag.replace(/\s*\/>$/, ">");
    return [
      {
        start: element.start,
        end: element.end,
        text: `${open}${items}</${element.prefix}${element.name}>`,
      },
    ];
  }
  return [
    { start: element.start, end: element.startTagEnd, text: startTag },
    { start: element.contentEnd, end: element.contentEnd, text: items },
  ];
}

/** The prefix (without colon) the element's start tag binds to `namespace`, if any. */
export function prefixFor(element: ElementSpan, namespace: string): string | undefined {
  for (const [name, value] of Object.entries(element.attrs))
    if (name.startsWith("xmlns:") && value === namespace) return name.slice(6);
  return undefined;
}
