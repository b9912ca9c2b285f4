// The bare baseline for cold starts: a handler with no dependencies, bundled like the real ones.
export const handler = async () => ({ statusCode: 200, body: 'ok' });
