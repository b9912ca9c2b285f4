// Custom metrics an operator alarm watches: counted by the functions, alarmed in `lib/constructs/alarms.ts`.

/** The lock provider refused the operator's API key (HTTP 401/403). */
export const PROVIDER_CREDENTIALS_METRIC = 'ProviderCredentialsRejected';
/** Powertools Metrics' namespace and `service` dimension for every function. */
export const METRICS_NAMESPACE = 'Lockstep';
export const METRICS_SERVICE = 'lockstep';
