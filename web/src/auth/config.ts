// /config.json: how this copy of the dashboard reaches its API and signs hosts in. The deployment
// writes it next to the page (docs/dashboard.md); the local runtime serves the demo variant.

export interface CognitoSettings {
  kind: 'cognito';
  /** The user pool's hosted UI, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  domain: string;
  clientId: string;
  /** Where the hosted UI sends the host back: this page. */
  redirectUri: string;
  logoutUri: string;
}

export interface DashboardConfig {
  /** "" for the page's own origin. */
  apiBaseUrl: string;
  auth: { kind: 'demo' } | CognitoSettings;
}

export class ConfigError extends Error {}

const text = (value: unknown, field: string): string => {
  if (typeof value !== 'string') throw new ConfigError(`config.json: ${field} must be a string`);
  return value;
};

const httpsUrl = (value: unknown, field: string): string => {
  const url = text(value, field);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`config.json: ${field} must be a URL`);
  }
  if (parsed.protocol !== 'https:') throw new ConfigError(`config.json: ${field} must be an https URL`);
  return url;
};

/** Checks the file's shape, naming the first field that is wrong. */
export function parseDashboardConfig(json: unknown): DashboardConfig {
  const root = (json ?? {}) as Record<string, unknown>;
  const apiBaseUrl = text(root.apiBaseUrl ?? '', 'apiBaseUrl').replace(/\/+$/, '');
  const auth = (root.auth ?? {}) as Record<string, unknown>;
  if (auth.kind === 'demo') return { apiBaseUrl, auth: { kind: 'demo' } };
  if (auth.kind !== 'cognito') throw new ConfigError('config.json: auth.kind must be "demo" or "cognito"');
  const clientId = text(auth.clientId, 'auth.clientId');
  if (clientId === '') throw new ConfigError('config.json: auth.clientId must not be empty');
  return {
    apiBaseUrl,
    auth: {
      kind: 'cognito',
      domain: httpsUrl(auth.domain, 'auth.domain').replace(/\/+$/, ''),
      clientId,
      redirectUri: httpsUrl(auth.redirectUri, 'auth.redirectUri'),
      logoutUri: httpsUrl(auth.logoutUri, 'auth.logoutUri'),
    },
  };
}

export async function loadDashboardConfig(): Promise<DashboardConfig> {
  const response = await fetch('/config.json', { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new ConfigError(`config.json could not be read (HTTP ${response.status})`);
  return parseDashboardConfig(await response.json());
}
