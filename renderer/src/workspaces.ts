// Which workspaces the header offers, from the roles a person holds (one may
// hold several): an advisor works with clients, tasks and the book; a life
// coach with the alert inbox and the clients who gave them a mandate, and
// the client book after them (a mandate is recorded on a client's page); a
// retailer has nothing of their own yet. Pure, for Node tests.
import type { Role } from '#core/roles.ts';

export type Workspace = 'clients' | 'tasks' | 'book' | 'alerts' | 'coach';

const OF_ROLE: Record<Role, readonly Workspace[]> = {
  advisor: ['clients', 'tasks', 'book'],
  life_coach: ['alerts', 'coach', 'clients'],
  retailer: [],
};

/** The header's entries, advisor's first, each once. Nobody is left without a way in: a role with nothing yet gets the client book. */
export function workspacesOf(roles: readonly Role[]): Workspace[] {
  const out = (['advisor', 'life_coach', 'retailer'] as const).filter((r) => roles.includes(r)).flatMap((r) => OF_ROLE[r]);
  return out.length > 0 ? [...new Set(out)] : ['clients'];
}

/** Where the app opens: the inbox for someone who only coaches, the client book for everyone else. */
export function homeOf(roles: readonly Role[]): 'alerts' | 'clients' {
  return workspacesOf(roles)[0] === 'alerts' ? 'alerts' : 'clients';
}
