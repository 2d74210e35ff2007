// The roles a person holds at the manufacturer's backend: the workstation's
// roles (core/roles.ts), `manufacturer` for the manufacturer's people who sign
// in to the console (never on a device), and `admin`, who enrols devices and
// revokes them.
import { MANUFACTURER_ROLE, ROLES } from '#core/roles.ts';

export const BACKEND_ROLES = [...ROLES, MANUFACTURER_ROLE, 'admin'] as const;
export type BackendRole = (typeof BACKEND_ROLES)[number];

export function isBackendRole(value: string): value is BackendRole {
  return (BACKEND_ROLES as readonly string[]).includes(value);
}

/** The roles a device works with: a manufacturer's person works in the console and holds none of them. */
export function deviceRoles(roles: readonly string[]): boolean {
  return roles.some((r) => (ROLES as readonly string[]).includes(r));
}

export const holdsManufacturer = (roles: readonly string[]) => roles.includes(MANUFACTURER_ROLE);
