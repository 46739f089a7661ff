import { z } from 'zod';
import { ROLES, type Role } from '../roles.js';
import { NewPassword } from './auth.js';
import { Id, PageQuery, Phone, Text } from './common.js';

export const UserListQuery = PageQuery.extend({
  unitId: Id.optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(50).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

const Roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const CreateUserRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/),
  displayName: Text(50),
  unitId: Id,
  roles: Roles,
  phone: Phone.optional(),
  email: z.email().max(100).optional(),
  initialPassword: NewPassword,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  displayName: Text(50).optional(),
  unitId: Id.optional(),
  roles: Roles.optional(),
  phone: Phone.nullable().optional(),
  email: z.email().max(100).nullable().optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.strictObject({ temporaryPassword: NewPassword });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  unit: { id: number; name: string };
  roles: Role[];
  phone: string | null;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
}
