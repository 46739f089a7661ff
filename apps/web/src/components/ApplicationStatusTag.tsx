import { Tag } from 'antd';
import { applicationStatusColor, applicationStatusText } from '../i18n/enums';

export function ApplicationStatusTag({ status }: { status: string }) {
  const label = applicationStatusText.useLabel();
  return (
    <Tag color={applicationStatusColor(status)} style={{ marginInlineEnd: 0 }} data-status={status}>
      {label(status)}
    </Tag>
  );
}
