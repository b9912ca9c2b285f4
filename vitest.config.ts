import { defineConfig } from 'vitest/config';

// These set the logger's level through the environment before the functions' modules load, so each
// needs modules of its own; every other file shares its worker's modules (the CDK synth of the
// workflows, the SDK clients), which halves the suite's time.
const OWN_MODULES = [
  'test/e2e/correlation.test.ts',
  'test/e2e/pin-secrecy.test.ts',
  'test/functions/catalog.test.ts',
];

export default defineConfig({
  test: {
    // The functions' structured logs stay out of test output; tests that read logs capture them.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: OWN_MODULES, isolate: false },
      },
      { extends: true, test: { name: 'own-modules', include: OWN_MODULES } },
    ],
  },
});
