import type { TripStatus } from '@xiaoshi/contracts';
import { Tag } from 'antd';
import { text } from './text';

const STATUS_COLORS: Record<TripStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'blue',
  returned: 'red',
  completed: 'green',
  cancelled: 'default',
};

export function TripStatusTag({ status }: { status: TripStatus }) {
  const t = text.useT();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
