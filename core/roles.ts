// The roles a person may hold on a workstation; one person may hold several.
export const ROLES = ['advisor', 'life_coach', 'retailer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The manufacturer's people: they decide approval requests in the backend's
 * console and never work on a device, so the role is not one a device holds.
 */
export const MANUFACTURER_ROLE = 'manufacturer';
/** Whoever may issue a change: a device's person by their roles, or the manufacturer. */
export type IssuerRole = Role | typeof MANUFACTURER_ROLE;
