/** The per-account progressive delay of sign-in attempts (see docs/decisions/0007). */
export interface LoginDelayPolicy {
  /** Failures of the account allowed without any delay (typos). */
  freeFailures: number;
  /** The first delay, in seconds; each further failure doubles it. */
  baseSeconds: number;
  /** The cap, in seconds. */
  maxSeconds: number;
}

/**
 * How long, in seconds, the account waits after its `failures`-th failure before unfamiliar
 * addresses may try it again: nothing for the first `freeFailures`, then base, 2·base, 4·base, …
 * up to the cap.
 */
export function accountDelaySeconds(failures: number, policy: LoginDelayPolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond <= 0) return 0;
  // 2^30 already exceeds any sensible cap; the exponent is bounded so the number stays finite.
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(beyond - 1, 30));
}
