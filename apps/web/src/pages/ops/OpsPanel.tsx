import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Descriptions, Row, Skeleton, Statistic } from 'antd';
import type { QueueCountsView } from '@xiaoshi/contracts';
import { opsApi } from '../../api/endpoints';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { opsText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

const QUEUE_STATES: ReadonlyArray<keyof QueueCountsView> = [
  'waiting',
  'active',
  'delayed',
  'completed',
  'failed',
];

/** Health and job-queue counts, for holders of queues.read (the district admins). */
export function OpsPanel() {
  const t = opsText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const health = useQuery({ queryKey: ['ops', 'health'], queryFn: ({ signal }) => opsApi.health(signal) });
  const queues = useQuery({ queryKey: ['ops', 'queues'], queryFn: ({ signal }) => opsApi.queues(signal) });
  const refresh = () => {
    void health.refetch();
    void queues.refetch();
  };
  const up = (state: 'up' | 'down') => (
    <Badge
      status={state === 'up' ? 'success' : 'error'}
      text={t(state === 'up' ? 'health.up' : 'health.down')}
    />
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={t('health')}
          variant="borderless"
          style={{ height: '100%' }}
          extra={
            <Button
              size="small"
              type="text"
              icon={<ReloadOutlined />}
              onClick={refresh}
              aria-label={tc('reload')}
            />
          }
        >
          {health.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
          {health.isError && (
            <QueryError compact error={health.error} onRetry={() => void health.refetch()} />
          )}
          {health.data && (
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'status',
                  label: t('ops'),
                  children: (
                    <Badge
                      status={health.data.status === 'ok' ? 'success' : 'error'}
                      text={t(health.data.status === 'ok' ? 'health.ok' : 'health.degraded')}
                    />
                  ),
                },
                { key: 'db', label: t('health.database'), children: up(health.data.checks.database) },
                { key: 'redis', label: t('health.redis'), children: up(health.data.checks.redis) },
                {
                  key: 'at',
                  label: t('health.checkedAt'),
                  children: formatDateTime(health.data.checkedAt, lang),
                },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('queues')} variant="borderless" style={{ height: '100%' }}>
          {queues.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
          {queues.isError && (
            <QueryError compact error={queues.error} onRetry={() => void queues.refetch()} />
          )}
          {queues.data && (
            <Row gutter={[8, 16]}>
              {QUEUE_STATES.map((state) => (
                <Col xs={8} sm={8} md={4} key={state} flex="1">
                  <Statistic
                    title={t(`queue.${state}`)}
                    value={queues.data[state] ?? 0}
                    styles={
                      state === 'failed' && (queues.data.failed ?? 0) > 0
                        ? { content: { color: '#dc2626' } }
                        : undefined
                    }
                  />
                </Col>
              ))}
            </Row>
          )}
        </Card>
      </Col>
    </Row>
  );
}
