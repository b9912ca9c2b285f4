import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The cdk-nag finding id for a wildcard resource in an IAM policy (`AwsSolutions-IAM5[Resource::…]`),
 * computed the way cdk-nag flattens CloudFormation references, so an acknowledgement names exactly
 * one resource pattern instead of every wildcard. Valid for resources in the scope's own stack.
 */
export function iam5ResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flatten(Stack.of(scope).resolve(resource))}]`;
}

function flatten(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (node && typeof node === 'object') {
    const ref = node as Record<string, unknown>;
    const join = ref['Fn::Join'] as [string, unknown[]] | undefined;
    if (join) return join[1].map(flatten).join(join[0]);
    const getAtt = ref['Fn::GetAtt'] as [unknown, unknown] | undefined;
    if (getAtt) return `<${flatten(getAtt[0])}.${flatten(getAtt[1])}>`;
    if ('Fn::Sub' in ref) return flatten(ref['Fn::Sub']);
    if ('Ref' in ref) return `<${flatten(ref.Ref)}>`;
  }
  return JSON.stringify(node);
}
