// The roles a person holds at the manufacturer's backend: the workstation's
// roles (core/roles.ts) plus `admin`, who enrols devices and revokes them.
import { ROLES } from '#core/roles.ts';

export const BACKEND_ROLES = [...ROLES, 'admin'] as const;
export type BackendRole = (typeof BACKEND_ROLES)[number];

export function isBackendRole(value: string): value is BackendRole {
  return (BACKEND_ROLES as readonly string[]).includes(value);
}
