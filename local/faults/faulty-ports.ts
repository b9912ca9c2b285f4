import { LockProviderError } from '#core/errors.ts';
import { die, type FaultPlan, FunctionCrashError } from './fault-plan.ts';

/**
 * What a port is to the faults: a store (DynamoDB: throttled, or a write that timed out after it
 * was applied), the lock provider (its API answers 5xx), a guest sender (its message ids are
 * remembered, for R9.5's one allowed duplicate) or anything else a function calls.
 */
export type PortKind = 'store' | 'lockProvider' | 'guestSender' | 'other';

const READS = /^(get|list|page|find)/;

/** DynamoDB throttling or a 5xx that outlasted the SDK's own retries; nothing was done. */
export class StoreThrottledError extends Error {
  constructor(operation: string) {
    super(`store ${operation}: throttled`);
    this.name = 'ThrottlingException';
  }
}

/** The write was applied, but the answer never came (the SDK's request timeout). */
export class StoreTimeoutError extends Error {
  constructor(operation: string) {
    super(`store ${operation}: timed out`);
    this.name = 'TimeoutError';
  }
}

/**
 * `port` with the plan's faults on every method called inside a function invocation: a fault
 * before the call (nothing done), after it (applied, then a timeout), and the invocation's crash
 * after its n-th call. Calls outside an invocation (the simulator's own look-ups) pass untouched,
 * and so does every call of an invocation that already died: it throws instead.
 */
export function faultyPort<T extends object>(port: T, plan: FaultPlan, kind: PortKind): T {
  const { store, lockProvider } = plan.settings;
  return new Proxy(port, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const operation = String(property);
      return async (...args: unknown[]) => {
        const invocation = plan.invocation();
        if (!invocation) return value.apply(target, args);
        if (invocation.dead) throw new FunctionCrashError();
        const { draw } = invocation;
        if (kind === 'store' && plan.roll(draw, store.errorRate, 'storeError'))
          throw new StoreThrottledError(operation);
        if (kind === 'lockProvider' && plan.roll(draw, lockProvider.errorRate, 'lockProviderError'))
          throw new LockProviderError('transient', `lock provider ${operation}: 503 Service Unavailable`);
        const result = await value.apply(target, args);
        if (kind === 'guestSender') invocation.sentMessageIds.push(messageIdOf(args[0]));
        const timedOut =
          kind === 'store' &&
          !READS.test(operation) &&
          plan.roll(draw, store.ambiguousWriteRate, 'ambiguousWrite');
        invocation.calls++;
        if (invocation.calls === invocation.crashAfterCall) die(invocation);
        if (timedOut) throw new StoreTimeoutError(operation);
        return result;
      };
    },
  });
}

function messageIdOf(message: unknown): string {
  return String((message as { messageId?: unknown } | undefined)?.messageId ?? '');
}
