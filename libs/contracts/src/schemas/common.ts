import { z } from 'zod';

/** Database ids are bigint identities, sent as positive integers. */
export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Keyset pagination: the client passes back the `nextCursor` it was given. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().min(0).optional(),
});

export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

/** A trimmed, non-empty display text. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

/** Mainland mobile or landline, digits with optional dashes. */
export const Phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: 'phone' });
