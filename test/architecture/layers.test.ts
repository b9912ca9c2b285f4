import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceText } from './import-graph.ts';
import { describeViolation, GOVERNED_ROOTS, layerViolations } from './layer-rules.ts';

// The repository's own files against the layer rules (layer-rules.ts): one failure lists them all.

const REPO = path.join(import.meta.dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  imports: Record<string, string>;
};

function sourceFiles(): SourceText[] {
  return GOVERNED_ROOTS.flatMap((root) =>
    readdirSync(path.join(REPO, root), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => {
        const file = path.posix.join(root, name.split(path.sep).join('/'));
        return { path: file, text: readFileSync(path.join(REPO, file), 'utf8') };
      }),
  );
}

describe('layers point inward', () => {
  const files = sourceFiles();

  it('reads the files of every governed folder', () => {
    for (const root of GOVERNED_ROOTS) expect(files.some((f) => f.path.startsWith(`${root}/`))).toBe(true);
  });

  it('has no import against the direction and no clock, randomness or environment read in the core', () => {
    const violations = layerViolations(files, packageJson.imports).map(describeViolation);
    expect(violations, `layer violations:\n${violations.join('\n')}`).toEqual([]);
  });
});
