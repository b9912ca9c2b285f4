import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for Seam's HTTP API on loopback, for what Seam's own fake (`seam-connect.ts`) cannot
// do: failures on demand (5xx, 429, a typed 4xx, a reply lost after the work was done, no reply at
// all), failed action attempts, paged code lists, a delete of an unknown code. It answers as Seam's
// does: 409 for a duplicate code, `pagination` on every list, errors as `{error: {type, message}, ok: false}`.

export type SeamJson = Record<string, unknown>;

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: SeamJson;
}

export type InjectedFailure =
  /** `landed`: Seam carried the request out, then the reply was lost. */
  | { status: 500 | 502 | 503; landed?: boolean }
  | { status: 429; retryAfter?: string }
  | { status: number; type: string }
  | 'hang';

export interface FakeDevice {
  device_id: string;
  device_type?: string;
  online?: boolean;
  supported_code_lengths?: number[];
  max_active_codes_supported?: number;
  supports_backup_access_code_pool?: boolean;
  code_constraints?: SeamJson[];
  /** Raw fields merged over the defaults, for shapes a test wants to control. */
  extra?: SeamJson;
}

type Route = (body: SeamJson) => [number, SeamJson];

const error = (status: number, type: string): [number, SeamJson] => [
  status,
  { error: { type, message: `fake seam: ${type}`, request_id: 'req_fake' }, ok: false },
];

/** Seam's cursor pagination over `items`; the cursor here is the index of the page's first item. */
function page(items: SeamJson[], cursor: unknown, size: number): { page: SeamJson[]; pagination: SeamJson } {
  const from = Number(cursor ?? 0);
  const more = from + size < items.length;
  const next = more ? String(from + size) : null;
  return {
    page: items.slice(from, from + size),
    pagination: { has_next_page: more, next_page_cursor: next, next_page_url: null },
  };
}

export class FakeSeam {
  readonly apiKey: string;
  readonly requests: RecordedRequest[] = [];
  readonly devices = new Map<string, SeamJson>();
  /** Managed and unmanaged codes alike, keyed by id. */
  readonly codes = new Map<string, SeamJson>();
  /** Page size of the list endpoints. */
  pageSize = 100;
  /** When set, the next mutation's action attempt comes back failed with this error type. */
  attemptError: string | undefined;
  url = '';
  private readonly server: Server;
  private readonly failures: InjectedFailure[] = [];
  private nextId = 1;

  private constructor(apiKey: string) {
    this.apiKey = apiKey;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(apiKey = 'seam_test_key'): Promise<FakeSeam> {
    const fake = new FakeSeam(apiKey);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Closes the server, cutting any request left hanging. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next requests fail, one failure each, in order. */
  failNext(...failures: InjectedFailure[]): void {
    this.failures.push(...failures);
  }

  addDevice(d: FakeDevice): void {
    this.devices.set(d.device_id, {
      device_id: d.device_id,
      device_type: d.device_type ?? 'schlage_lock',
      can_program_online_access_codes: true,
      capabilities_supported: ['access_code', 'lock'],
      properties: {
        online: d.online ?? true,
        supported_code_lengths: d.supported_code_lengths ?? [4, 5, 6, 7, 8],
        max_active_codes_supported: d.max_active_codes_supported ?? 100,
        supports_backup_access_code_pool: d.supports_backup_access_code_pool ?? true,
        code_constraints: d.code_constraints ?? [],
      },
      errors: [],
      warnings: [],
      ...d.extra,
    });
  }

  /** A code someone put on the lock outside Seam. */
  addUnmanagedCode(deviceId: string, code: string, name: string): string {
    const id = this.id('uac');
    this.codes.set(id, {
      access_code_id: id,
      device_id: deviceId,
      code,
      name,
      is_managed: false,
      status: 'set',
    });
    return id;
  }

  /** Changes a stored code, as Seam does when the lock reports back. */
  patchCode(accessCodeId: string, fields: SeamJson): void {
    const code = this.codes.get(accessCodeId);
    if (!code) throw new Error(`fake seam: no code ${accessCodeId}`);
    Object.assign(code, fields);
  }

  private readonly routes: Record<string, Route> = {
    '/access_codes/create': (b) => this.create(b),
    '/access_codes/update': (b) => this.update(b),
    '/access_codes/delete': (b) => {
      const code = this.codes.get(String(b.access_code_id));
      if (!code?.is_managed || (b.device_id !== undefined && code.device_id !== b.device_id)) {
        return error(404, 'access_code_not_found');
      }
      this.codes.delete(String(b.access_code_id));
      return [200, { action_attempt: this.actionAttempt('DELETE_ACCESS_CODE'), ok: true }];
    },
    '/access_codes/get': (b) => {
      const code = this.codes.get(String(b.access_code_id));
      return code?.is_managed ? [200, { access_code: code, ok: true }] : error(404, 'access_code_not_found');
    },
    '/access_codes/list': (b) => this.list(b, true),
    '/access_codes/unmanaged/list': (b) => this.list(b, false),
    '/devices/get': (b) => {
      const device = this.devices.get(String(b.device_id));
      return device ? [200, { device, ok: true }] : error(404, 'device_not_found');
    },
    '/devices/list': (b) => {
      const { page: devices, pagination } = page([...this.devices.values()], b.page_cursor, this.pageSize);
      return [200, { devices, pagination, ok: true }];
    },
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    const body = (text ? JSON.parse(text) : {}) as SeamJson;
    this.requests.push({
      path,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
    });
    const failure = this.failures.shift();
    if (failure === 'hang') return;
    const [status, reply] = this.reply(req, path, body, failure);
    if (failure && 'retryAfter' in failure && failure.retryAfter !== undefined) {
      res.setHeader('retry-after', failure.retryAfter);
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  }

  private reply(
    req: IncomingMessage,
    path: string,
    body: SeamJson,
    failure: Exclude<InjectedFailure, 'hang'> | undefined,
  ): [number, SeamJson] {
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) return error(401, 'unauthorized');
    if (failure && 'type' in failure) return error(failure.status, failure.type);
    if (failure?.status === 429) return error(429, 'rate_limited');
    const landed = failure !== undefined && 'landed' in failure && failure.landed === true;
    if (failure && !landed) return error(failure.status, 'internal_server_error');
    const route = this.routes[path];
    const result = route ? route(body) : error(404, 'not_found');
    return failure ? error(failure.status, 'internal_server_error') : result;
  }

  private actionAttempt(action_type: string): SeamJson {
    const failed = this.attemptError;
    this.attemptError = undefined;
    return {
      status: failed ? 'error' : 'pending',
      action_type,
      action_attempt_id: this.id('aa'),
      result: null,
      error: failed ? { type: failed, message: `fake seam: ${failed}` } : null,
    };
  }

  private create(b: SeamJson): [number, SeamJson] {
    const device = this.devices.get(String(b.device_id));
    if (!device) return error(404, 'device_not_found');
    if ((b.starts_at === undefined) !== (b.ends_at === undefined)) return error(400, 'invalid_input');
    const onDevice = [...this.codes.values()].filter((c) => c.device_id === b.device_id);
    if (onDevice.some((c) => c.code === b.code)) return error(409, 'duplicate_access_code');
    const max = (device.properties as SeamJson).max_active_codes_supported as number;
    if (onDevice.length >= max) return error(400, 'no_space_for_access_code_on_device');
    const id = this.id('ac');
    const timeBound = b.starts_at !== undefined;
    const code: SeamJson = {
      access_code_id: id,
      device_id: b.device_id,
      code: b.code ?? null,
      name: b.name ?? null,
      type: timeBound ? 'time_bound' : 'ongoing',
      ...(timeBound ? { starts_at: b.starts_at, ends_at: b.ends_at } : {}),
      status: timeBound ? 'unset' : 'setting',
      is_managed: true,
      is_scheduled_on_device: false,
      errors: [],
      warnings: [],
      created_at: new Date(0).toISOString(),
    };
    this.codes.set(id, code);
    return [200, { action_attempt: this.actionAttempt('CREATE_ACCESS_CODE'), access_code: code, ok: true }];
  }

  private update(b: SeamJson): [number, SeamJson] {
    const code = this.codes.get(String(b.access_code_id));
    if (!code?.is_managed) return error(404, 'access_code_not_found');
    if ((b.starts_at === undefined) !== (b.ends_at === undefined)) return error(400, 'invalid_input');
    const others = [...this.codes.values()].filter((c) => c.device_id === code.device_id && c !== code);
    if (b.code !== undefined && others.some((c) => c.code === b.code))
      return error(409, 'duplicate_access_code');
    for (const key of ['code', 'name', 'starts_at', 'ends_at']) if (b[key] !== undefined) code[key] = b[key];
    code.status = 'setting';
    return [200, { action_attempt: this.actionAttempt('UPDATE_ACCESS_CODE'), ok: true }];
  }

  private list(b: SeamJson, managed: boolean): [number, SeamJson] {
    if (!this.devices.has(String(b.device_id))) return error(404, 'device_not_found');
    const all = [...this.codes.values()].filter(
      (c) => c.device_id === b.device_id && c.is_managed === managed,
    );
    const { page: access_codes, pagination } = page(all, b.page_cursor, this.pageSize);
    return [200, { access_codes, pagination, ok: true }];
  }

  private id(prefix: string): string {
    return `${prefix}_${this.nextId++}`;
  }
}
