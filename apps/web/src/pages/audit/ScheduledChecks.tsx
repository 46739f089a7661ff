import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { auditApi } from '../../api/endpoints';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';

/** The scheduled chain checks the worker ran lately, behind a header button. */
export function ScheduledChecks() {
  const { t, lang } = useI18n();
  const checks = useQuery({
    queryKey: ['audit', 'checks'],
    queryFn: ({ signal }) => auditApi.checks(signal),
  });
  const latest = checks.data?.[0];

  const content = checks.isPending ? (
    <Spin size="small" />
  ) : checks.isError ? (
    <Typography.Text type="danger">{errorMessage(checks.error, t)}</Typography.Text>
  ) : checks.data.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChecks')} />
  ) : (
    <Flex vertical gap={6} style={{ minWidth: 280 }}>
      {checks.data.map((check) => (
        <Flex key={check.checkedAt} justify="space-between" gap={16}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatDateTime(check.checkedAt, lang, false)}
          </span>
          <Badge
            status={check.ok ? 'success' : 'error'}
            text={
              check.ok
                ? t('audit.checkOk', { count: check.checkedEvents })
                : t('audit.checkBroken', { seq: check.firstBrokenSeq ?? '?' })
            }
          />
        </Flex>
      ))}
    </Flex>
  );

  return (
    <Popover title={t('audit.lastChecks')} content={content} trigger="click" placement="bottomRight">
      <Button icon={<HistoryOutlined />}>
        {latest && <Badge status={latest.ok ? 'success' : 'error'} />}
        {t('audit.lastChecks')}
      </Button>
    </Popover>
  );
}
