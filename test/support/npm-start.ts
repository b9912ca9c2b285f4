import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

// `npm start`'s server as a child process, for the load benchmark and the restart tests: what a
// developer runs, on a free loopback port, stopped (or killed) by its process id alone.

const START_SCRIPT = path.join(import.meta.dirname, '../../local/start.ts');

export interface StartedServer {
  url: string;
  /** The demo host's bearer token, as `npm start` prints it. */
  token: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves when the process has exited, with its signal or code. */
  exited: Promise<NodeJS.Signals | number | null>;
}

/** Starts `node local/start.ts ARGS` (what `npm start` runs after building the dashboard). */
export function startServer(
  args: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<StartedServer> {
  // A runtime started earlier in this process sets the Lambda concurrency variable; inherited, it
  // would make the child's logger look for its invoke store before the child's runtime creates it.
  const { AWS_LAMBDA_MAX_CONCURRENCY: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [START_SCRIPT, ...args], {
    env: { ...inherited, PORT: '0', POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const url = /running locally at (http:\/\/\S+)/.exec(printed)?.[1];
      const token = /Bearer token:\s+(\S+)/.exec(printed)?.[1];
      if (url && token) resolve({ url, token, child, output: () => printed, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then((how) => reject(new Error(`npm start exited (${how}) before serving:\n${printed}`)));
  });
}
