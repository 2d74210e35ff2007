// Which workspaces the header offers, from the roles a person holds (one may
// hold several): an advisor works with the day's plan, clients, tasks and the book; a life
// coach with the alert inbox and the clients who gave them a mandate, and
// the client book after them (a mandate is recorded on a client's page); a
// retailer with the sale at the counter, the approval requests, the rating,
// and the client book. Pure, for Node tests.
import type { Role } from '#core/roles.ts';

export type Workspace = 'today' | 'clients' | 'tasks' | 'book' | 'alerts' | 'coach' | 'sale' | 'approvals' | 'rating';

const OF_ROLE: Record<Role, readonly Workspace[]> = {
  advisor: ['today', 'clients', 'tasks', 'book'],
  life_coach: ['alerts', 'coach', 'clients'],
  retailer: ['sale', 'approvals', 'rating', 'clients'],
};

/** The header's entries, advisor's first, each once. Nobody is left without a way in: without a role, the client book. */
export function workspacesOf(roles: readonly Role[]): Workspace[] {
  const out = (['advisor', 'life_coach', 'retailer'] as const).filter((r) => roles.includes(r)).flatMap((r) => OF_ROLE[r]);
  return out.length > 0 ? [...new Set(out)] : ['clients'];
}

/**
 * Where the app opens: an advisor's day ("Heute"), the inbox for someone who
 * only coaches, the sale for someone who only sells, else the client book.
 */
export function homeOf(roles: readonly Role[]): 'today' | 'alerts' | 'sale' | 'clients' {
  const first = workspacesOf(roles)[0];
  return first === 'today' || first === 'alerts' || first === 'sale' ? first : 'clients';
}
