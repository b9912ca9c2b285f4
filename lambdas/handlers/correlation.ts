import type { Deps } from '#core/deps.ts';
import { logger } from './logger.ts';

// One id follows a booking from the webhook through the workflow to the guest message: the webhook's
// delivery id (or the API request id) is set on the logger, so every line carries `correlation_id`,
// and travels in the workflow input and schedule payloads to the invocations they start.

/** The invocation's correlation id, if a handler wrapper set one. */
export const currentCorrelationId = (): string | undefined => logger.getCorrelationId() as string | undefined;

/** A scheduler target's or workflow task's event names the id of the request that caused it. */
export function correlationIdOf(event: unknown): string | undefined {
  const id = (event as { correlationId?: unknown } | null | undefined)?.correlationId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * The deps with a scheduler and workflow starter that stamp the current correlation id on what they
 * start; outside any request (a test driving the core) the entry's or execution's name stands in.
 */
export function correlated<D extends Deps>(deps: D): D {
  const { scheduler, workflows } = deps;
  return {
    ...deps,
    scheduler: {
      schedule: (entry) =>
        scheduler.schedule({
          ...entry,
          correlationId: entry.correlationId ?? currentCorrelationId() ?? entry.name,
        }),
      cancel: (name) => scheduler.cancel(name),
    },
    workflows: {
      startProvisioning: (input, executionName) =>
        workflows.startProvisioning(
          { ...input, correlationId: input.correlationId ?? currentCorrelationId() ?? executionName },
          executionName,
        ),
    },
  };
}

/**
 * Sets the invocation's correlation id before anything logs; `use` it ahead of `injectLambdaContext`
 * (with `resetKeys`), whose cleanup clears it after the invocation's last line.
 */
export function correlate<E>(idOf: (event: E) => string | undefined) {
  return {
    before: async (request: { event: E }) => {
      const id = idOf(request.event);
      if (id) logger.setCorrelationId(id);
    },
  };
}
