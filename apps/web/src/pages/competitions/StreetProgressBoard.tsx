import type { StreetProgressRow } from '@xiaoshi/contracts';
import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import { QueryError } from '../../components/QueryError';
import { useStreetProgress } from './useCompetitions';
import { competitionsText } from './text';

/** Green: minimum met. Amber: some submitted, not enough yet. Red: nothing submitted yet. */
function tone(row: StreetProgressRow): { color: string; key: 'met' | 'short' | 'none' } {
  if (row.met) return { color: '#16a34a', key: 'met' };
  if (row.submitted > 0) return { color: '#f59e0b', key: 'short' };
  return { color: '#dc2626', key: 'none' };
}

/** 每个街道申报不少于 N 个: each street's submitted count against its minimum, live. */
export function StreetProgressBoard({ competitionId }: { competitionId: number }) {
  const t = competitionsText.useT();
  const progress = useStreetProgress(competitionId);
  if (progress.isError)
    return <QueryError error={progress.error} onRetry={() => void progress.refetch()} compact />;
  if (progress.isPending) return <Skeleton active />;
  const rows = [...progress.data].sort(
    (a, b) =>
      Number(a.met) - Number(b.met) ||
      b.minimum - b.submitted - (a.minimum - a.submitted) ||
      a.streetId - b.streetId,
  );
  if (!rows.length) return <Empty description={t('streetProgress.empty')} />;
  const met = rows.filter((row) => row.met).length;

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="center">
        <Typography.Text>{t('streetProgress.summary', { met, total: rows.length })}</Typography.Text>
        <Flex gap={8} wrap>
          <Tag color="green">{t('streetProgress.legend.met')}</Tag>
          <Tag color="orange">{t('streetProgress.legend.short')}</Tag>
          <Tag color="red">{t('streetProgress.legend.none')}</Tag>
        </Flex>
      </Flex>
      <Row gutter={[12, 12]}>
        {rows.map((row) => {
          const { color, key } = tone(row);
          const percent =
            row.minimum > 0 ? Math.min(100, Math.round((row.submitted / row.minimum) * 100)) : 100;
          return (
            <Col key={row.streetId} xs={24} sm={12} xl={8} xxl={6}>
              <Card
                size="small"
                className="xs-street-card"
                style={{ borderInlineStart: `4px solid ${color}` }}
                data-testid={`street-progress-${row.streetName}`}
                data-state={key}
              >
                <Flex justify="space-between" align="baseline" gap={8}>
                  <Typography.Text strong ellipsis>
                    {row.streetName}
                  </Typography.Text>
                  <Typography.Text style={{ color, fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {row.submitted} / {row.minimum}
                  </Typography.Text>
                </Flex>
                <Progress percent={percent} showInfo={false} strokeColor={color} size="small" />
                <Flex justify="space-between" gap={8}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.met
                      ? t('streetProgress.met')
                      : t('streetProgress.short', { count: Math.max(row.minimum - row.submitted, 0) })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('streetProgress.drafts', { count: row.drafts })}
                    {row.maximum !== null && ` · ${t('streetProgress.maximum', { count: row.maximum })}`}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Flex>
  );
}
