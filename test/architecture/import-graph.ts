import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

// What a TypeScript file imports and what it reads, from its syntax tree: comments and strings that
// merely mention `import` or `Date.now()` are not mistaken for code.

/** A source file by its path from the repository root (forward slashes) and its text. */
export interface SourceText {
  path: string;
  text: string;
}

export interface ImportRef {
  specifier: string;
  /** `import type` / `export type`, or a type position: erased, nothing loads at run time. */
  typeOnly: boolean;
  line: number;
}

export type ImportTarget =
  | { kind: 'file'; path: string }
  | { kind: 'builtin' }
  | { kind: 'package'; name: string }
  | { kind: 'unknown-alias' }
  /** `import(expression)`: where it leads is only known at run time. */
  | { kind: 'computed' };

/** package.json `imports`, e.g. `{ '#core/*': './lambdas/core/*' }`. */
export type SubpathAliases = Readonly<Record<string, string>>;

function parse(file: SourceText): ts.SourceFile {
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

const COMPUTED = '<computed>';

/** Static `import` and `export ... from`, dynamic `import()`, and `import('x')` types. */
export function importsOf(file: SourceText): ImportRef[] {
  const source = parse(file);
  const found: ImportRef[] = [];
  const add = (specifier: ts.Node | undefined, typeOnly: boolean, node: ts.Node) => {
    const text = specifier && ts.isStringLiteralLike(specifier) ? specifier.text : COMPUTED;
    found.push({ specifier: text, typeOnly, line: lineOf(source, node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, node.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword, node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Where an import specifier of `from` leads: a repository file, a Node builtin or a package. */
export function resolveImport(from: string, specifier: string, aliases: SubpathAliases): ImportTarget {
  if (specifier === COMPUTED) return { kind: 'computed' };
  if (specifier.startsWith('.')) {
    return { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)) };
  }
  if (specifier.startsWith('#')) {
    for (const [pattern, target] of Object.entries(aliases)) {
      const prefix = pattern.replace(/\*$/, '');
      if (specifier.startsWith(prefix)) {
        const resolved = target.replace(/\*$/, '') + specifier.slice(prefix.length);
        return { kind: 'file', path: path.posix.normalize(resolved) };
      }
    }
    return { kind: 'unknown-alias' };
  }
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return { kind: 'builtin' };
  const parts = specifier.split('/');
  return {
    kind: 'package',
    name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''),
  };
}

export interface AmbientRead {
  what: string;
  line: number;
}

/** Reads of the environment, the clock and randomness: what the core must be handed instead. */
export function ambientReadsOf(file: SourceText): AmbientRead[] {
  const source = parse(file);
  const found: AmbientRead[] = [];
  const named = (node: ts.Expression, name: string) => ts.isIdentifier(node) && node.text === name;
  const visit = (node: ts.Node): void => {
    let what: string | undefined;
    if (ts.isPropertyAccessExpression(node)) {
      const member = node.name.text;
      if (named(node.expression, 'process') && member === 'env') what = 'process.env';
      if (named(node.expression, 'Date') && member === 'now') what = 'Date.now';
      if (named(node.expression, 'Math') && member === 'random') what = 'Math.random';
    } else if (ts.isNewExpression(node) && named(node.expression, 'Date') && !node.arguments?.length) {
      what = 'new Date()';
    } else if (ts.isCallExpression(node) && named(node.expression, 'Date')) {
      what = 'Date()';
    }
    if (what) found.push({ what, line: lineOf(source, node) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
