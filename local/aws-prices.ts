// us-east-1 list prices (USD) the cost per reservation is computed with, each with its source and
// the day it was checked. Free tiers are left out: they flatten with volume and say nothing per unit.

export interface Price {
  usd: number;
  per: string;
  source: string;
  checked: string;
  note?: string;
}

export const PRICES = {
  dynamodbWriteUnit: {
    usd: 0.625 / 1e6,
    per: 'write request unit (on-demand, standard table class)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    checked: '2026-12-01',
    note: 'After the November 2024 on-demand price cut.',
  },
  dynamodbReadUnit: {
    usd: 0.125 / 1e6,
    per: 'read request unit (on-demand; an eventually consistent read of ≤4 KB is half a unit)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    checked: '2026-12-01',
  },
  stepFunctionsTransition: {
    usd: 0.025 / 1000,
    per: 'Standard workflow state transition (retries included)',
    source: 'https://aws.amazon.com/step-functions/pricing/',
    checked: '2026-12-01',
  },
  stepFunctionsExpressRequest: {
    usd: 1 / 1e6,
    per: 'Express workflow request (the healthcheck’s Distributed Map children; their duration, about 0.3 GB-s a day, is left out)',
    source: 'https://aws.amazon.com/step-functions/pricing/',
    checked: '2026-12-01',
  },
  lambdaRequest: {
    usd: 0.2 / 1e6,
    per: 'Lambda request',
    source: 'https://aws.amazon.com/lambda/pricing/',
    checked: '2026-12-01',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: 'GB-second of Lambda duration on arm64 (first 7.5 billion GB-s a month)',
    source: 'https://aws.amazon.com/lambda/pricing/',
    checked: '2026-12-01',
  },
  schedulerInvocation: {
    usd: 1 / 1e6,
    per: 'EventBridge Scheduler invocation (creating and deleting schedules is not billed)',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    checked: '2026-12-01',
  },
  sesEmail: {
    usd: 0.1 / 1000,
    per: 'email sent through SES (outbound, no attachments)',
    source: 'https://aws.amazon.com/ses/pricing/',
    checked: '2026-12-01',
  },
  snsSmsUs: {
    usd: 0.00581 + 0.00266,
    per: 'SMS part to a US number from a toll-free number: AWS fee plus the carriers’ pass-through fee',
    source: 'https://aws.amazon.com/end-user-messaging/pricing/',
    checked: '2026-12-01',
    note: 'Carrier fees vary by carrier (about $0.0025–0.003); a message over 160 GSM characters is several parts.',
  },
} as const satisfies Record<string, Price>;
