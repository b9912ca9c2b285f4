import { get, request } from './client.ts';
import type { StaffInput, StaffSummary, StaffView } from './types.ts';

// The staff routes of the host API (docs/staff.md, R12). A staff id goes into the path; a PIN never
// does (R13.5): it comes back only in the body of one staff member's view.

const path = (staffId: string) => `/v1/staff/${encodeURIComponent(staffId)}`;

export const listStaff = async () => (await get<{ staff: StaffSummary[] }>('/v1/staff')).staff;

export const loadStaffMember = (staffId: string) => get<StaffView>(path(staffId));

export const addStaffMember = (input: StaffInput) => request<StaffView>('POST', '/v1/staff', input);

export const changeStaffMember = (staffId: string, changes: Partial<StaffInput>) =>
  request<StaffView>('PATCH', path(staffId), changes);

export const removeStaffMember = (staffId: string) => request<void>('DELETE', path(staffId));
