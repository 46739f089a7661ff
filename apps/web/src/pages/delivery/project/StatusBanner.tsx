import type { ProjectView } from '@xiaoshi/contracts';
import { Alert } from 'antd';
import { deliveryText } from '../i18n';

export const OPEN = ['in_progress', 'acceptance_requested', 'inspecting', 'rectification'];

export function StatusBanner({ project: p }: { project: ProjectView }) {
  const d = deliveryText.useT();
  if (p.status === 'rectification' && p.rectificationDeadline)
    return (
      <Alert
        type="warning"
        showIcon
        title={d('project.rectificationDeadline', { date: p.rectificationDeadline })}
        style={{ marginBottom: 16 }}
      />
    );
  if (p.status === 'acceptance_requested')
    return (
      <Alert type="info" showIcon title={d('project.acceptanceRequested')} style={{ marginBottom: 16 }} />
    );
  return null;
}
