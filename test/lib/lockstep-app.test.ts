import { type App, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './app-fixture.ts';

const { app, data, application } = buildTestApp();

const acknowledgementsOn = (construct: IConstruct) =>
  construct.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>));

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['LockstepData', data],
    ['LockstepApp', application],
  ] as const)('finds no unacknowledged error or warning in %s', (_name, stack) => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.map(
      (violation) =>
        `${violation.ruleName} at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('acknowledges findings on resources only, never on a stack or the app', () => {
    const scopes: IConstruct[] = [app as App, data, application];
    for (const scope of scopes) expect(acknowledgementsOn(scope)).toEqual([]);
  });

  it('gives every acknowledgement a finding id and a specific reason', () => {
    const acknowledgements = app.node.findAll().flatMap(acknowledgementsOn);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(reason.length).toBeGreaterThan(40);
    }
  });

  it('runs the checks on synth, so a new finding fails `cdk synth`', () => {
    const fresh = buildTestApp();
    new sqs.Queue(fresh.data, 'PlainQueue', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => fresh.app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
