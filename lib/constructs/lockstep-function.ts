import path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

const REPO_ROOT = path.join(import.meta.dirname, '..', '..');
const FUNCTIONS_DIR = path.join(REPO_ROOT, 'lambdas', 'functions');

// The same Node.js major the toolchain runs on (package.json engines), so tests match production.
export const LOCKSTEP_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Every function's memory unless it asks for other: Lambda's CPU share grows with it. */
export const LOCKSTEP_MEMORY_MB = 512;

// ESM bundles still meet CommonJS dependencies that call require(); give them one.
const REQUIRE_SHIM =
  "import { createRequire as __lockstepCreateRequire } from 'node:module'; const require = __lockstepCreateRequire(import.meta.url);";

/** How every function is bundled; `npm run bench` builds its bare baseline handler with the same. */
export const LOCKSTEP_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: false,
  externalModules: ['@aws-sdk/*'], // provided by the Lambda runtime
  banner: REQUIRE_SHIM,
  esbuildArgs: { '--tree-shaking': 'true' },
  forceDockerBundling: false, // esbuild is a devDependency: never fall back to Docker
} as const satisfies BundlingOptions;

export interface LockstepFunctionProps {
  /** The entry file under lambdas/functions/, e.g. `channel-webhook.ts`. */
  readonly entry: string;
  /** What the function serves; becomes its description. */
  readonly description: string;
  readonly environment: Record<string, string>;
  /** An explicit physical name, for functions whose ARN must be known before they exist. */
  readonly functionName?: string;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** Caps (and guarantees) the function's concurrent runs; absent for the account's shared pool. */
  readonly reservedConcurrency?: number;
}

/** A Lockstep Lambda function with the project's runtime, bundling, logging and tracing defaults. */
export class LockstepFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: LockstepFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role with a log-group-scoped policy, instead of the broad AWSLambdaBasicExecutionRole.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${id}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(FUNCTIONS_DIR, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: LOCKSTEP_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? LOCKSTEP_MEMORY_MB,
      timeout: props.timeout ?? Duration.seconds(15),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      environment: { POWERTOOLS_SERVICE_NAME: 'lockstep', ...props.environment },
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      bundling: { ...LOCKSTEP_BUNDLING, mainFields: [...LOCKSTEP_BUNDLING.mainFields] },
      ...(props.functionName ? { functionName: props.functionName } : {}),
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray trace upload (xray:PutTraceSegments, PutTelemetryRecords) has no resource-level permissions.',
    });
  }
}
