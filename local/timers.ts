/** Node's timers hold at most 2^31−1 ms (about 24.8 days); longer waits hop in steps. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Runs `action` at `instant` on the runtime's clock (wall or virtual), however far away. */
export function atInstant(instant: number, action: () => void): void {
  const delay = instant - Date.now();
  if (delay > MAX_TIMER_MS) setTimeout(() => atInstant(instant, action), MAX_TIMER_MS);
  else setTimeout(action, Math.max(0, delay));
}
