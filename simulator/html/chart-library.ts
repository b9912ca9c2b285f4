import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Chart.js's UMD build, to inline in the HTML report. Its source-map comment goes: the page is one
 * file and fetches nothing, not even from DevTools.
 */
export function chartLibrarySource(): string {
  // The package exports no path to the UMD file: find it beside the main entry (dist/).
  const dist = path.dirname(createRequire(import.meta.url).resolve('chart.js'));
  return readFileSync(path.join(dist, 'chart.umd.min.js'), 'utf8').replace(
    /\n\/\/# sourceMappingURL=\S+\s*$/,
    '\n',
  );
}
