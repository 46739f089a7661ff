import { z } from 'zod';
import { ROLES, type Role, type OrgUnitKind } from '../roles.js';
import type { Permission } from '../permissions.js';

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** A password policy a district's IT office would sign: long enough, letters and digits. */
export const NewPassword = z
  .string()
  .min(10)
  .max(128)
  .regex(/[A-Za-z]/, { message: 'letters' })
  .regex(/\d/, { message: 'digits' });

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  unit: { id: number; name: string; kind: OrgUnitKind };
  mustChangePassword: boolean;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

export const RoleSchema = z.enum(ROLES);
