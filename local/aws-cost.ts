import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCKSTEP_MEMORY_MB } from '#lib/constructs/lockstep-function.ts';
import type { AwsCalls } from './aws-calls.ts';
import { PRICES } from './aws-prices.ts';

// Cost of a reservation's lifecycle: the simulator's counted AWS calls for a whole scenario, priced
// with local/aws-prices.ts and divided by the scenario's reservations.

export interface LambdaDuration {
  /** Milliseconds billed per invocation (an estimate: measured warm latency, see method). */
  msPerInvocation: number;
  memoryMB: number;
}

export interface Cost {
  /** USD per reservation, by service; `lambda` is requests plus duration. */
  byService: Record<'dynamodb' | 'stepFunctions' | 'lambda' | 'scheduler' | 'ses' | 'sns', number>;
  infraUsdPerReservation: number;
  /** Infrastructure, email and SMS. */
  totalUsdPerReservation: number;
  totalWithoutSmsUsdPerReservation: number;
  perMillionReservations: { infra: number; total: number; totalWithoutSms: number };
  /** What one reservation's lifecycle used, on average. */
  perReservation: Record<string, number>;
}

const BENCH_RESULTS = path.join(import.meta.dirname, '..', 'bench', 'results.json');

/**
 * The Lambda duration a run is priced with when it measured none itself: the warm webhook p50 of
 * the last `npm run bench` (bench/results.json), at the functions' memory.
 */
export function benchedLambdaDuration(): LambdaDuration {
  const results = JSON.parse(readFileSync(BENCH_RESULTS, 'utf8')) as { latency: { webhookP50Ms: number } };
  return { msPerInvocation: results.latency.webhookP50Ms, memoryMB: LOCKSTEP_MEMORY_MB };
}

export function costPerReservation(calls: AwsCalls, reservations: number, lambda: LambdaDuration): Cost {
  const per = (n: number) => n / reservations;
  const gbSeconds = per(calls.lambda) * (lambda.msPerInvocation / 1000) * (lambda.memoryMB / 1024);
  const byService = {
    dynamodb:
      per(calls.dynamodbReadUnits) * PRICES.dynamodbReadUnit.usd +
      per(calls.dynamodbWriteUnits) * PRICES.dynamodbWriteUnit.usd,
    stepFunctions:
      per(calls.stepFunctionsTransitions) * PRICES.stepFunctionsTransition.usd +
      per(calls.stepFunctionsExpressRequests) * PRICES.stepFunctionsExpressRequest.usd,
    lambda: per(calls.lambda) * PRICES.lambdaRequest.usd + gbSeconds * PRICES.lambdaArmGbSecond.usd,
    // Counted calls are schedule creations and deletions; each schedule fires at most once, so
    // pricing every call as an invocation is an upper bound.
    scheduler: per(calls.scheduler) * PRICES.schedulerInvocation.usd,
    ses: per(calls.ses) * PRICES.sesEmail.usd,
    sns: per(calls.sns) * PRICES.snsSmsUs.usd,
  };
  const infra = byService.dynamodb + byService.stepFunctions + byService.lambda + byService.scheduler;
  const totalWithoutSms = infra + byService.ses;
  const total = totalWithoutSms + byService.sns;
  return {
    byService,
    infraUsdPerReservation: infra,
    totalUsdPerReservation: total,
    totalWithoutSmsUsdPerReservation: totalWithoutSms,
    perMillionReservations: {
      infra: infra * 1e6,
      total: total * 1e6,
      totalWithoutSms: totalWithoutSms * 1e6,
    },
    perReservation: {
      ...Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, Number(per(v).toFixed(2))])),
      lambdaGbSeconds: Number(gbSeconds.toFixed(4)),
    },
  };
}
