import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { auditApi } from '../../api/endpoints';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { auditText } from './text';
import { useLang } from '../../i18n/i18n';

/** The scheduled chain checks the worker ran lately, behind a header button. */
export function ScheduledChecks() {
  const t = auditText.useT();
  const lang = useLang();
  const checks = useQuery({
    queryKey: ['audit', 'checks'],
    queryFn: ({ signal }) => auditApi.checks(signal),
  });
  const latest = checks.data?.[0];

  const content = checks.isPending ? (
    <Spin size="small" />
  ) : checks.isError ? (
    <Typography.Text type="danger">{errorMessage(checks.error)}</Typography.Text>
  ) : checks.data.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noChecks')} />
  ) : (
    <Flex vertical gap={6} style={{ minWidth: 280 }}>
      {checks.data.map((check) => (
        <Flex key={check.checkedAt} justify="space-between" gap={16}>
          <Flex vertical>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatDateTime(check.checkedAt, lang, false)}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {check.fromSeq == null ? t('checkFull') : t('checkIncremental', { seq: check.fromSeq })}
            </Typography.Text>
          </Flex>
          <Badge
            status={check.ok ? 'success' : 'error'}
            text={
              check.ok
                ? t('checkOk', { count: check.checkedEvents })
                : t('checkBroken', { seq: check.firstBrokenSeq ?? '?' })
            }
          />
        </Flex>
      ))}
    </Flex>
  );

  return (
    <Popover title={t('lastChecks')} content={content} trigger="click" placement="bottomRight">
      <Button icon={<HistoryOutlined />}>
        {latest && <Badge status={latest.ok ? 'success' : 'error'} />}
        {t('lastChecks')}
      </Button>
    </Popover>
  );
}
