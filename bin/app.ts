import { buildLockstepApp } from '#lib/lockstep-app.ts';

buildLockstepApp().app.synth();
