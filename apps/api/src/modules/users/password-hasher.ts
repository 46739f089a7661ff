import argon2 from 'argon2';

/** argon2id with the OWASP-recommended floor (19 MiB, 2 passes). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// A hash of a random string, verified against when the username is unknown, so that a wrong
// username costs as much time as a wrong password and timing reveals nothing.
let dummyHash: Promise<string> | null = null;

export const passwordHasher = {
  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  },
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
  async burnTime(password: string): Promise<void> {
    dummyHash ??= argon2.hash('no-such-user-' + Math.random(), OPTIONS);
    await argon2.verify(await dummyHash, password).catch(() => false);
  },
};
