// The roles of the person signed in (the manufacturer's once the device is
// enrolled), and what follows from them: the header's workspaces, the home
// screen, whether a change is theirs to make.
import { useQuery } from '@tanstack/react-query';
import type { Role } from '#core/roles.ts';
import { issueProblem, type MutationName } from '#core/mutations/registry.ts';
import { orpc } from '../rpc.ts';
import { homeOf, workspacesOf } from '../workspaces.ts';

const NONE: readonly Role[] = [];

/** The roles, or none while the session is still being read. */
export function useRoles(): readonly Role[] {
  const session = useQuery(orpc.session.status.queryOptions());
  return session.data?.user?.roles ?? NONE;
}

export function useWorkspaces() {
  const roles = useRoles();
  return { workspaces: workspacesOf(roles), home: homeOf(roles), roles };
}

/** Whether the person's roles allow the change (the registry's rule; the store checks it again, with the client). */
export function useRoleAllows(name: MutationName): boolean {
  const session = useQuery(orpc.session.status.queryOptions());
  const roles = session.data?.user?.roles;
  return roles !== undefined && issueProblem(name, { roles }) === null;
}
