import { Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { applicationStatusColor, applicationStatusLabel } from '../i18n/pipelineLabels';

export function ApplicationStatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return (
    <Tag color={applicationStatusColor(status)} style={{ marginInlineEnd: 0 }} data-status={status}>
      {applicationStatusLabel(status, lang)}
    </Tag>
  );
}
