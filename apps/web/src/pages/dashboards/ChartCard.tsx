import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  hint?: string;
  extra?: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string | null;
  testId: string;
  children: ReactNode;
}

/** A dashboard card: title, an optional hint under the chart, an empty state when there is no data. */
export function ChartCard({ title, hint, extra, empty, testId, children }: Props) {
  return (
    <Card variant="borderless" title={title} extra={extra} style={{ height: '100%' }} data-testid={testId}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : children}
      {hint && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {hint}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
