import type { ReviewTaskView } from '@xiaoshi/contracts';
import { Tag } from 'antd';
import { reviewsText } from './text';

const COLORS: Record<ReviewTaskView['sheetStatus'], string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'success',
};

export function SheetStatusTag({ status }: { status: ReviewTaskView['sheetStatus'] }) {
  const t = reviewsText.useT();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }} data-sheet-status={status}>
      {t(`sheet.status.${status}`)}
    </Tag>
  );
}
