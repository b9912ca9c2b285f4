import type { AddressInfo } from 'node:net';
import { createFake, type Fake } from '@seamapi/fake-seam-connect';

// Seam's own fake server (`@seamapi/fake-seam-connect`), in process and offline, listening on
// loopback only, with one workspace, its API key and a connected account to hang devices on.

type Database = Fake['database'];
type DeviceFields = Parameters<Database['addDevice']>[0];
type DeviceUpdate = Parameters<Database['updateDevice']>[0];

export interface SeamConnectDevice {
  /** Seam's device type, e.g. `schlage_lock`; it decides native scheduling (R2.3). */
  deviceType: DeviceFields['device_type'];
  name?: string;
  online?: boolean;
  /** Absent means absent: the flag is left off the device, as Seam does for a missing capability. */
  canProgramOnlineCodes?: boolean;
  canProgramOfflineCodes?: boolean;
  /** Raw fields in Seam's JSON stored over the fake's defaults (errors, properties…), as Seam sends them. */
  extra?: Record<string, unknown>;
}

export class SeamConnect {
  readonly url: string;
  readonly apiKey: string;
  private readonly fake: Fake;
  private readonly workspaceId: string;
  private readonly accountId: string;

  private constructor(fake: Fake, url: string, apiKey: string, workspaceId: string, accountId: string) {
    this.fake = fake;
    this.url = url;
    this.apiKey = apiKey;
    this.workspaceId = workspaceId;
    this.accountId = accountId;
  }

  static async start(): Promise<SeamConnect> {
    const fake = await createFake();
    const db = fake.database;
    const workspace = db.addWorkspace({ name: 'Lockstep tests', is_sandbox: true });
    const key = db.addApiKey({ workspace_id: workspace.workspace_id, name: 'lockstep' });
    const account = db.addConnectedAccount({
      provider: 'seam_bridge',
      workspace_id: workspace.workspace_id,
      user_identifier: { email: 'operator@example.com' },
    });
    const server = (await fake.startServer()).server;
    // The fake listens on every interface; move it to loopback before anything talks to it.
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (!key.token) throw new Error("Seam's fake issued no API key token");
    return new SeamConnect(fake, url, key.token, workspace.workspace_id, account.connected_account_id);
  }

  async stop(): Promise<void> {
    const server = this.fake.server?.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  addDevice(d: SeamConnectDevice): string {
    const db = this.fake.database;
    const fields: DeviceFields = {
      device_type: d.deviceType,
      workspace_id: this.workspaceId,
      connected_account_id: this.accountId,
      name: d.name ?? 'Front door',
      properties: { online: d.online ?? true },
    };
    if (d.canProgramOnlineCodes !== undefined)
      fields.can_program_online_access_codes = d.canProgramOnlineCodes;
    const { device_id } = db.addDevice(fields);
    // The fake's types know fewer device properties than Seam documents; its store keeps them all.
    const update = { device_id, ...d.extra } as DeviceUpdate;
    if (d.canProgramOfflineCodes !== undefined)
      update.can_program_offline_access_codes = d.canProgramOfflineCodes;
    db.updateDevice(update);
    return device_id;
  }

  /** A code put on the lock outside Seam (a cleaner's), which Seam lists as unmanaged. */
  addUnmanagedCode(deviceId: string, code: string, name: string): string {
    const created = this.fake.database.addAccessCode({
      workspace_id: this.workspaceId,
      device_id: deviceId,
      code,
      name,
      is_managed: false,
      status: 'set',
    });
    return created.access_code_id;
  }

  /** Changes a stored code, as Seam does when the lock reports back (status, errors…). */
  patchCode(accessCodeId: string, fields: Record<string, unknown>): void {
    this.fake.database.updateAccessCode({ access_code_id: accessCodeId, ...fields });
  }

  /** Seam's stored view of a code, as its own tests read it. */
  code(accessCodeId: string): Record<string, unknown> | undefined {
    return this.fake.database.findAccessCode({ access_code_id: accessCodeId }) as
      | Record<string, unknown>
      | undefined;
  }
}
