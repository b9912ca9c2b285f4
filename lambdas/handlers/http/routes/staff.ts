import type { Deps } from '#core/deps.ts';
import { NotFoundError } from '#core/errors.ts';
import { createStaff, removeStaff, updateStaff } from '#core/staff/manage-staff.ts';
import { staffCodes } from '#core/staff/staff-codes.ts';
import { isCurrent, type StaffMember } from '#core/staff/staff-member.ts';
import { json } from '../http.ts';
import { type RouteEntry, route } from '../route.ts';
import { CreateStaffBody, StaffPath, UpdateStaffBody } from '../schemas/staff.ts';
import { staffSummary, staffView } from './staff-view.ts';

// Staff codes (R12): cleaners and maintenance get codes on the host's locks, by schedule.

const PATH = '/v1/staff';

async function viewOf(deps: Deps, member: StaffMember) {
  const now = deps.clock.now();
  return staffView(member, await staffCodes(deps, member, now), now);
}

export const staffRoutes: readonly RouteEntry[] = [
  route(
    'POST',
    PATH,
    {
      summary: 'Add a staff member with codes on properties’ locks, `always` or at `turnovers` (R12.1)',
      body: CreateStaffBody,
      status: 201,
    },
    async (deps, hostId, { body }) => {
      const { id, ...fields } = body;
      const { member, created } = await createStaff(deps, hostId, id ?? deps.newId(), fields);
      return json(created ? 201 : 200, await viewOf(deps, member));
    },
  ),
  route(
    'GET',
    PATH,
    { summary: 'List the host’s staff, each with their next code’s window (R12)' },
    async (deps, hostId) => {
      const now = deps.clock.now();
      const members = (await deps.staff.listStaff(hostId)).filter(isCurrent);
      const staff = await Promise.all(
        members.map(async (m) => staffSummary(m, await staffCodes(deps, m, now, true), now)),
      );
      return json(200, { staff });
    },
  ),
  route(
    'GET',
    `${PATH}/{staffId}`,
    { summary: 'A staff member with their codes, PINs and status per lock (R12, R8.1)', params: StaffPath },
    async (deps, hostId, { params }) => {
      const member = await deps.staff.getStaff(hostId, params.staffId);
      if (!isCurrent(member)) throw new NotFoundError('staff member', 'staffId');
      return json(200, await viewOf(deps, member));
    },
  ),
  route(
    'PATCH',
    `${PATH}/{staffId}`,
    {
      summary: 'Change a staff member; their codes follow at once (R12.2)',
      params: StaffPath,
      body: UpdateStaffBody,
    },
    async (deps, hostId, { params, body }) =>
      json(200, await viewOf(deps, await updateStaff(deps, hostId, params.staffId, body))),
  ),
  route(
    'DELETE',
    `${PATH}/{staffId}`,
    {
      summary: 'Remove a staff member; their codes leave every lock at once (R12.2)',
      params: StaffPath,
      status: 204,
    },
    async (deps, hostId, { params }) => {
      await removeStaff(deps, hostId, params.staffId);
      return { statusCode: 204 };
    },
  ),
];
