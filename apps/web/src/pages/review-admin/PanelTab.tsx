import type { CompetitionView } from '@xiaoshi/contracts';
import { Col, Flex, Row, Skeleton } from 'antd';
import { QueryError } from '../../components/QueryError';
import { usePanel, usePool } from './useReviewAdmin';
import { PanelSettings } from './panel/PanelSettings';
import { RandomDraw } from './panel/RandomDraw';
import { PoolTable } from './panel/PoolTable';

export function PanelTab({ competition }: { competition: CompetitionView }) {
  const panel = usePanel(competition.id);
  const pool = usePool();
  if (panel.isError) return <QueryError error={panel.error} onRetry={() => void panel.refetch()} compact />;
  if (pool.isError) return <QueryError error={pool.error} onRetry={() => void pool.refetch()} compact />;
  if (panel.isPending || pool.isPending) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <PanelSettings competition={competition} panel={panel.data} pool={pool.data} />
        </Col>
        <Col xs={24} xl={10}>
          <RandomDraw competition={competition} panel={panel.data} pool={pool.data} />
        </Col>
      </Row>
      <PoolTable pool={pool.data} panel={panel.data} />
    </Flex>
  );
}
