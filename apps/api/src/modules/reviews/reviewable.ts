import type { ApplicationStatus } from '@xiaoshi/domain';

/** Statuses in which an application can be (or is being) reviewed. */
export const REVIEWABLE: readonly ApplicationStatus[] = ['eligible', 'in_review', 'scored'];
