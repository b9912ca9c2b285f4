import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DeploySettingsError, readDeploySettings } from '../../lib/deploy-settings.ts';
import { buildTestApp, FIXTURE_DASHBOARD } from './app-fixture.ts';

// Issue 19, finding 3: a deploy with a placeholder left in would send from codes@example.com and alarm
// no one, so synth refuses it, naming every value; demo mode (the tests') takes the placeholders.

const REAL = {
  stage: 'prod',
  senderEmail: 'codes@rentals.test',
  alarmEmail: 'ops@rentals.test',
  authDomainPrefix: 'rentals-hosts',
  channelMessagingUrl: 'https://partner.rentals.test/lockstep',
  dashboardDir: FIXTURE_DASHBOARD,
};
const settingsOf = (context: Record<string, unknown>) => readDeploySettings(new App({ context }).node);

describe('deploy settings', () => {
  it('refuses placeholders outside demo mode, naming each value and how to set it', () => {
    const read = () =>
      settingsOf({
        dashboardDir: FIXTURE_DASHBOARD,
        senderEmail: 'codes@example.com',
        channelMessagingUrl: 'https://channel-partner.example/lockstep',
      });
    expect(read).toThrow(DeploySettingsError);
    const message = (() => {
      try {
        read();
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain(
      'senderEmail: the verified address guest email comes from ("codes@example.com" is a placeholder)',
    );
    expect(message).toContain('channelMessagingUrl');
    expect(message).toContain('alarmEmail: who receives the alarms (not set)');
    expect(message).toContain('authDomainPrefix');
    expect(message).toContain('-c demo=true');
  });

  it('stops the whole app before any stack exists, so `npm run synth` fails with that message', () => {
    expect(() => buildTestApp({ demo: 'false' })).toThrow(/senderEmail.*\n(.*\n)*.*alarmEmail/);
  });

  it('accepts real values, with prod as the default stage', () => {
    const { stage: _, ...withoutStage } = REAL;
    expect(settingsOf(withoutStage)).toMatchObject({
      stage: 'prod',
      demo: false,
      alarmEmail: 'ops@rentals.test',
    });
  });

  it('refuses a sender domain that is not the sender address’s, and a prefix Cognito would refuse', () => {
    expect(() => settingsOf({ ...REAL, senderDomain: 'other.test' })).toThrow(/senderDomain: "other.test"/);
    expect(() => settingsOf({ ...REAL, authDomainPrefix: 'my-cognito-login' })).toThrow(/authDomainPrefix/);
  });

  it('refuses to deploy without the built dashboard, saying how to build it', () => {
    expect(() => settingsOf({ ...REAL, dashboardDir: '/nonexistent' })).toThrow(/npm run build:web/);
  });

  it('names every stack and named resource after the stage, so two stages share an account', () => {
    const staging = buildTestApp({ stage: 'staging' });
    expect([staging.data.stackName, staging.application.stackName]).toEqual([
      'lockstep-staging-data',
      'lockstep-staging-app',
    ]);
    Template.fromStack(staging.data).hasResourceProperties('AWS::Scheduler::ScheduleGroup', {
      Name: 'lockstep-staging',
    });
    Template.fromStack(staging.application).hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'lockstep-staging-app-provisioning',
    });
  });
});
