import type { WorkbenchView } from '@xiaoshi/contracts';
import { api } from '../../api/client';

/** GET /api/workbench: the signed-in user's 待办 and key figures. */
export const workbenchApi = {
  mine: (signal?: AbortSignal) => api<WorkbenchView>('/api/workbench', { signal }),
};
