import { createHash } from 'node:crypto';

/** A small seeded PRNG (mulberry32) so a panel draw can be reproduced from its recorded seed. */
function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh seed for a draw that was not given one (recorded with the panel). */
export function newDrawSeed(competitionId: number, now: Date): string {
  return createHash('sha256')
    .update(`${competitionId}:${now.getTime()}:${Math.random()}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * 随机抽取专家: Fisher–Yates on the candidates in id order, seeded — the same pool, tags and seed
 * always give the same panel. Returns the first `size`.
 */
export function drawMembers(candidateIds: readonly number[], size: number, seed: string): number[] {
  const shuffled = [...candidateIds].sort((a, b) => a - b);
  const random = seededRandom(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, size);
}
