import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

// `npm run build:web`: the dashboard's page, one JS and one CSS file, in web/dist (never committed).

const WEB = path.join(import.meta.dirname, '..');
const DASHBOARD_DIST = path.join(WEB, 'dist');

export async function buildDashboard(): Promise<void> {
  await rm(DASHBOARD_DIST, { recursive: true, force: true });
  await mkdir(path.join(DASHBOARD_DIST, 'assets'), { recursive: true });
  await build({
    // main.ts imports the stylesheet, so one entry gives dashboard.js and dashboard.css.
    entryPoints: { dashboard: path.join(WEB, 'src', 'main.ts') },
    outdir: path.join(DASHBOARD_DIST, 'assets'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome120', 'firefox120', 'safari17'],
    // Served at /assets/, next to the stylesheet that points at it.
    external: ['/assets/*'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  await Promise.all([
    copyFile(path.join(WEB, 'index.html'), path.join(DASHBOARD_DIST, 'index.html')),
    copyFile(path.join(WEB, 'favicon.svg'), path.join(DASHBOARD_DIST, 'assets', 'favicon.svg')),
  ]);
}

if (import.meta.main) await buildDashboard();
