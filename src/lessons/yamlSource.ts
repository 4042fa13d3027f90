/**
 * A parsed YAML file that remembers where every node came from, so that any problem found
 * later (by zod or by playing the lesson) can be reported at the node's line and column.
 */
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, Position } from './diagnostics.js';

export type DataPath = readonly PropertyKey[];

export interface YamlSource {
  file: string;
  /** The plain JS value (undefined when the text had syntax errors). */
  value: unknown;
  /** Syntax errors and warnings from the YAML parser. */
  syntax: Diagnostic[];
  /** Where the node at `path` starts; falls back to the deepest existing ancestor. */
  posOf(path: DataPath): Position;
  /** Where the key of `key` inside the mapping at `path` starts (for unknown keys). */
  keyPosOf(path: DataPath, key: string): Position;
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const syntax: Diagnostic[] = [
    ...doc.errors.map((e) => ({
      file,
      ...at(e.pos[0]),
      severity: 'error' as const,
      found: `invalid YAML (${firstLine(e.message)})`,
      expected: 'well-formed YAML',
    })),
  ];
  const root = doc.contents as Node | null;
  const startOf = (n: Node | null | undefined): Position => at(n?.range?.[0] ?? 0);

  const posOf = (path: DataPath): Position => startOf(deepest(doc, path));
  const keyPosOf = (path: DataPath, key: string): Position => {
    const node = deepest(doc, path);
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (k && (k as { value?: unknown }).value === key) return startOf(k);
      }
    }
    return startOf(node ?? root);
  };
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
    } catch (e) {
      // An alias bomb (or any other failure to build the value) is an error at a position, like
      // the rest, rather than an exception that would end a lint of the whole folder.
      syntax.push({ file, ...at(aliasOffset(doc)), severity: 'error', found: `invalid YAML (${firstLine((e as Error).message)})`, expected: `at most ${MAX_ALIAS_COUNT} alias expansions` });
    }
  }
  return { file, value, syntax, posOf, keyPosOf };
}

/** The yaml library's guard against "billion laughs" files, which we keep as it is. */
const MAX_ALIAS_COUNT = 100;

/** Where the alias past the limit stands (the first alias if the count is not what failed). */
function aliasOffset(doc: Document): number {
  const offsets: number[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offsets.push(node.range[0]);
    },
  });
  return offsets[MAX_ALIAS_COUNT] ?? offsets[0] ?? 0;
}

/** The node at `path`, or its deepest ancestor that exists. */
function deepest(doc: Document, path: DataPath): Node | null {
  let node = doc.contents as Node | null;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(key as string, true);
    else if (isSeq(node)) next = node.get(Number(key), true);
    if (next === undefined || next === null) return node;
    node = next as Node;
  }
  return node;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}
