import { ENV } from './env.ts';

export type Config = { -readonly [K in keyof typeof ENV]: string };

/** Reads every variable once, at cold start; a missing one stops the function with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = {} as Config;
  for (const [key, name] of Object.entries(ENV) as [keyof typeof ENV, string][]) {
    const value = env[name];
    if (!value) throw new Error(`environment variable ${name} is not set`);
    config[key] = value;
  }
  return config;
}
