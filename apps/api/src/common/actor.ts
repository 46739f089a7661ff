import type { OrgUnitKind, Permission, Role } from '@xiaoshi/contracts';

/** The signed-in user, as carried by the access token. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  unit: { id: number; name: string; kind: OrgUnitKind };
  mustChangePassword: boolean;
}

/**
 * Who is acting and from where: passed explicitly from controller to service so that every
 * state change can be authorised and audited without hidden request state.
 */
export interface Actor {
  user: AuthUser | null;
  requestId: string;
  ip: string;
}

export interface AuthenticatedActor extends Actor {
  user: AuthUser;
}
