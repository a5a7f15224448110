/**
 * JSON that people write by hand (the project config, case facts): comments and trailing commas allowed, checked
 * against a JSON schema, and every mistake one line naming the file, the place and the key:
 * `clues.config.json:2:14: unknown key "rules.minimisaton" (one of: …)`.
 */

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import { InputError } from '../errors.js';

/** The parts of JSON Schema the inputs use, as far as error messages need to look into them. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  propertyNames?: { enum: readonly string[] };
  additionalProperties?: Schema | boolean;
  items?: Schema;
  [keyword: string]: unknown;
}

/** A string with something in it besides white space. */
export const TEXT = { type: 'string', pattern: '\\S' } as const satisfies Schema;
/** A list of such strings. */
export const TEXTS = { type: 'array', items: TEXT } as const satisfies Schema;

export type KeyPath = Array<string | number>;

/** A checked input: its value, and where in the file a key is, for errors found after the schema's. */
export interface JsonInput {
  data: unknown;
  /** `file:line:col` of the value at `path`, or just the file when there is no such value. */
  place(path: KeyPath): string;
}

/** Reads a file as text; a missing or unreadable one is an InputError: `case.json: cannot read case facts (ENOENT)`. */
export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Parses `text` and checks it against `schema`; the first problem is an InputError naming its place and key. */
export function parseJsonInput(path: string, text: string, schema: Schema): JsonInput {
  const errors: ParseError[] = [];
  const tree = parseTree(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number): string => {
    const before = text.replace(/^\uFEFF/, '').slice(0, offset).split('\n');
    return `${path}:${before.length}:${before.at(-1)!.length + 1}`;
  };
  if (stripComments(text).trim() === '') throw new InputError(`${path}: the file is empty`);
  if (errors.length > 0 || tree === undefined) {
    const first = errors[0]!;
    throw new InputError(`${at(first.offset)}: invalid JSON (${printParseErrorCode(first.error)})`);
  }
  const repeated = repeatedKey(tree);
  if (repeated) throw new InputError(`${at(repeated.node.offset)}: "${keyName(repeated.path)}" is given twice; only one can count`);
  const data = valueOf(tree);
  const validate = validator(schema);
  if (!validate(data)) {
    const error = validate.errors![0]!;
    const node = nodeOf(tree, error);
    throw new InputError(`${node ? at(node.offset) : path}: ${describe(error, schema)}`);
  }
  return {
    data,
    place: (keys) => {
      const node = findNodeAtLocation(tree, keys);
      return node ? at(node.offset) : path;
    },
  };
}

const validators = new WeakMap<Schema, ValidateFunction>();
/** The schema's validator, compiled on first use: most runs read no such input and should not pay for ajv. */
export function validator(schema: Schema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    validate = new Ajv({ allErrors: false, strict: true }).compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

// jsonc-parser's own value keeps `__proto__` as a plain key, which is what validation should see.
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, valueOf(p.children![1]!)]));
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

/** The first key given twice in one object (JSON lets the last win silently), with its path. */
function repeatedKey(node: Node, path: KeyPath = []): { node: Node; path: KeyPath } | undefined {
  if (node.type === 'array') {
    for (const [i, child] of (node.children ?? []).entries()) {
      const found = repeatedKey(child, [...path, i]);
      if (found) return found;
    }
  }
  if (node.type !== 'object') return undefined;
  const seen = new Set<string>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children as [Node, Node];
    const name = key.value as string;
    if (seen.has(name)) return { node: key, path: [...path, name] };
    seen.add(name);
    const found = repeatedKey(value, [...path, name]);
    if (found) return found;
  }
  return undefined;
}

/** The node an error is about: the offending key for an unknown key, else the value. */
function nodeOf(tree: Node, error: ErrorObject): Node | undefined {
  const node = findNodeAtLocation(tree, keyPath(error.instancePath));
  const key = error.params.additionalProperty ?? error.propertyName;
  if (node && typeof key === 'string') {
    const property = node.children?.find((p) => p.children?.[0]?.value === key);
    return property?.children?.[0] ?? node;
  }
  return node;
}

function keyPath(instancePath: string): KeyPath {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Names a key as its author wrote it: `rules.minimisation`, `people[0].name`. */
function keyName(path: KeyPath): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function describe(error: ErrorObject, schema: Schema): string {
  const path = keyPath(error.instancePath);
  const key = keyName(path) || 'the file';
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = keyName([...path, error.params.additionalProperty as string]);
      const known = Object.keys(schemaAt(schema, path)?.properties ?? {}).filter((k) => !k.startsWith('$'));
      return `unknown key "${name}" (known keys here: ${known.join(', ')})`;
    }
    case 'enum': {
      // A key that is not one of a fixed set (a rule id, a noun class, a cue type).
      if (error.propertyName !== undefined) {
        const names = schemaAt(schema, path)?.propertyNames?.enum ?? [];
        return `unknown key "${keyName([...path, error.propertyName])}" (one of: ${names.join(', ')})`;
      }
      const values = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return `${key} must be one of ${values.join(', ')}`;
    }
    case 'type': {
      const type = error.params.type as string;
      return `${key} must be ${type === 'object' || type === 'array' ? 'an' : 'a'} ${type}`;
    }
    case 'required':
      return `${key} needs "${error.params.missingProperty as string}"`;
    case 'pattern':
    case 'minLength':
      return `${key} must not be empty`;
    default:
      return `${key} ${error.message ?? 'is not valid'}`;
  }
}

/** The part of the schema that describes the value at `path`. */
function schemaAt(schema: Schema, path: KeyPath): Schema | undefined {
  let node: Schema | undefined = schema;
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') node = node.items;
    else node = node.properties?.[part] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return node;
}
