// The roles a person may hold on a workstation; one person may hold several.
export const ROLES = ['advisor', 'life_coach', 'retailer'] as const;
export type Role = (typeof ROLES)[number];
