import { vi } from 'vitest';

/** Every line written to stdout and stderr while `run` runs (where the Powertools logger writes). */
export async function captureOutput(run: () => Promise<void>): Promise<string[]> {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }),
  );
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks.join('').split('\n').filter(Boolean);
}
