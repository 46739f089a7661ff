import { z } from 'zod';

/** Money crosses the API as integer fen (分): 1 元 = 100. Up to 100 亿元. */
export const Fen = z.number().int().min(0).max(1_000_000_000_000);
export const SignedFen = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
