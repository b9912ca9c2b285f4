import { DeploySettingsError } from '#lib/deploy-settings.ts';
import { buildLockstepApp } from '#lib/lockstep-app.ts';

try {
  buildLockstepApp().app.synth();
} catch (error) {
  // A missing or placeholder deploy value is the operator's to fix: its message, not a stack trace.
  if (!(error instanceof DeploySettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
