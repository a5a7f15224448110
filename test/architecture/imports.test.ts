/**
 * The source tree shows the pipeline: read → parse → analyse → detect → finish → report, with the command line on top
 * and, below, a small shared base (types, positions, errors, severity, visible text), the vocabulary (lexicon) and the
 * input formats (what read detects and parse parses, declared once).
 * An import may only point down that order, so data flows one way and a stage can be read without the ones after it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../../src/', import.meta.url));

/** Each layer in pipeline order; a module may import its own layer and the ones before it, never a later one. */
export const LAYERS = ['base', 'lexicon', 'formats', 'read', 'parse', 'analyse', 'detect', 'finish', 'report', 'eval', 'cli'] as const;
const BASE_FILES = new Set(['types.ts', 'errors.ts', 'position.ts', 'severity.ts', 'visible.ts']);

function layerOf(file: string): string {
  const [first, ...rest] = relative(src, file).split('/');
  if (rest.length === 0) return BASE_FILES.has(first!) ? 'base' : `loose file ${first}`;
  return first!;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/gm;

function imports(): Array<{ from: string; to: string }> {
  return sources(src).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({ from: file, to: resolve(dirname(file), (m[1] ?? m[2]!).replace(/\.js$/, '.ts')) })),
  );
}

describe('the source tree', () => {
  it('has every module in a stage folder or the shared base', () => {
    const loose = sources(src).map(layerOf).filter((layer) => !(LAYERS as readonly string[]).includes(layer));
    assert.deepEqual([...new Set(loose)], []);
  });

  it('imports only down the pipeline', () => {
    const rank = (file: string) => LAYERS.indexOf(layerOf(file) as (typeof LAYERS)[number]);
    const upward = imports()
      .filter(({ from, to }) => rank(to) > rank(from))
      .map(({ from, to }) => `${relative(src, from)} → ${relative(src, to)}`);
    assert.deepEqual(upward, []);
    assert.ok(imports().length > 100, 'the imports were found');
  });

  it('has no import cycle between modules, type-only imports included', () => {
    const edges = new Map<string, string[]>();
    for (const { from, to } of imports()) edges.set(from, [...(edges.get(from) ?? []), to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const next of edges.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push(path.slice(path.indexOf(next)).map((f) => relative(src, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of sources(src)) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });
});
