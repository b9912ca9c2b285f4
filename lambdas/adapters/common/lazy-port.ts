// A port whose adapter is built on the first call of one of its methods: the SDK client or secret
// behind it is loaded only by an invocation that needs it, not at every cold start
// (docs/performance.md, "Cold starts"). A build that fails is tried again by the next call.

type AsyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : T[K];
};

/**
 * `build` makes the adapter; `known` answers the port's plain (non-method) members at once, e.g. a
 * lock provider's `name`. Every other member must be a method returning a promise.
 */
export function lazyPort<T extends object>(build: () => Promise<T>, known: Partial<T> = {}): T {
  let adapter: Promise<T> | undefined;
  const built = (): Promise<T> => {
    adapter ??= build().catch((error: unknown) => {
      adapter = undefined;
      throw error;
    });
    return adapter;
  };
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy(known as AsyncMethods<T>, {
    get(target, member) {
      if (member in target) return target[member as keyof T];
      // Not a thenable: `await port` must not mistake the proxy for a promise.
      if (typeof member !== 'string' || member === 'then') return undefined;
      let method = methods.get(member);
      if (!method) {
        method = async (...args: unknown[]) => {
          const instance = (await built()) as Record<string, (...a: unknown[]) => Promise<unknown>>;
          const call = instance[member];
          if (typeof call !== 'function') throw new TypeError(`the adapter has no method ${member}`);
          return call.apply(instance, args);
        };
        methods.set(member, method);
      }
      return method;
    },
  }) as T;
}
