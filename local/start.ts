import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveHttp } from './http-server.ts';
import { recipientOf } from './outbox.ts';
import { LocalRuntime } from './runtime.ts';
import { seedDemo, seedDemoStaff } from './seed-demo.ts';

// `npm start`: Lockstep on this machine, on wall-clock time, with a demo host ready to try.

const port = Number(process.env.PORT ?? 3000);
// `--data DIR` keeps the store, the scheduled entries and running executions there across restarts.
const { values: flags } = parseArgs({ options: { data: { type: 'string' } } });
const dataPath = flags.data === undefined ? undefined : path.resolve(flags.data);
const runtime = await LocalRuntime.start({
  ...(dataPath === undefined ? {} : { dataPath }),
  channelSecrets: [process.env.LOCKSTEP_CHANNEL_SECRET ?? 'local-channel-secret'],
  onMessage: (entry) => {
    const to = recipientOf(entry);
    console.log(
      `\n[outbox] ${entry.via} to ${to} at ${new Date(entry.at).toISOString()}\n${entry.message.text}\n`,
    );
  },
});
const { url } = await serveHttp(runtime, port);
runtime.healthcheck.start(); // R4.3: daily at 08:00 America/New_York, wall time
runtime.feedReading.start(); // R10.1: calendar feeds at every quarter hour, wall time
const demo = await seedDemo(runtime);
const resumed = runtime.resume(); // after the sandbox has its devices again
await seedDemoStaff(runtime, demo);

console.log(`Lockstep is running locally at ${url}

Dashboard:      ${url}/#token=${demo.token}
Demo host:      ${demo.hostId}
Bearer token:   ${demo.token}
Property:       ${demo.propertyId} (${demo.timeZone}), locks: ${demo.lockIds.join(', ')}
Staff:          cleaning-crew (turnovers at ${demo.propertyId})
Channel secret: ${runtime.channelSecrets[0]}
Data:           ${dataPath ? `${dataPath} (picked up ${resumed.entries} scheduled entries, ${resumed.executions} executions, ${resumed.deliveries} channel deliveries)` : 'in memory (npm start -- --data DIR keeps it)'}

Try it (README.md, "Try it locally"):
  export TOKEN=${demo.token}
  curl -s -H "authorization: Bearer $TOKEN" ${url}/v1/properties/${demo.propertyId}
  npm run demo:booking -- ${url}      # posts a signed reservation.accepted webhook
  curl -s -H "authorization: Bearer $TOKEN" ${url}/v1/reservations/demo-1

Press Ctrl+C to stop.`);

const stop = async () => {
  await runtime.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
