import type { Instant } from '#core/model.ts';
import type { Scenario } from './scenario.ts';

// R12 in a scenario: each staff member is added through the host API at `start` and, when the
// scenario says so, removed through it at `removedAt`.

type Call = (method: string, path: string, body?: unknown) => Promise<number>;

export async function setUpStaff(
  scenario: Scenario,
  call: Call,
  at: (instant: Instant, action: () => Promise<unknown>) => void,
  note: (text: string) => void,
): Promise<void> {
  for (const { removedAt, ...member } of scenario.staff ?? []) {
    const created = await call('POST', '/v1/staff', member);
    if (created >= 300) throw new Error(`POST /v1/staff (${member.id}) answered ${created}`);
    if (removedAt === undefined) continue;
    at(Date.parse(removedAt), async () => {
      const removed = await call('DELETE', `/v1/staff/${member.id}`);
      if (removed >= 300) note(`staff ${member.id}: removal answered ${removed}`);
    });
  }
}
