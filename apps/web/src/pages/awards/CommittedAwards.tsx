import { CheckCircleOutlined } from '@ant-design/icons';
import type { CommittedAwardsView } from '@xiaoshi/contracts';
import { Button, Card, Col, Flex, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { Money } from '../../components/Money';
import { yuan } from '../../lib/money';
import { scheduleText } from './schedule-text';
import { AwardStatusTag, BudgetBar } from './shared';

type CommittedRow = CommittedAwardsView['awards'][number];

/**
 * The workbench once the competition's decision is approved (立项): what was committed on the
 * budget line, what the envelope has left, and where the decision and its notice are.
 */
export function CommittedAwards({
  committed,
  lineAvailableFen,
}: {
  committed: CommittedAwardsView;
  lineAvailableFen: number;
}) {
  const s = scheduleText.useT();
  const navigate = useNavigate();
  const columns: TableColumnsType<CommittedRow> = [
    {
      title: s('committed.col.rank'),
      dataIndex: 'rank',
      width: 56,
      align: 'center',
      responsive: ['sm'],
      render: (rank: number | null) => rank ?? '—',
    },
    {
      title: s('committed.col.title'),
      key: 'title',
      render: (_, row) => (
        <Flex vertical>
          <Link to={`/applications/${row.applicationId}`}>{row.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.community} · {row.street} · {row.category}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: s('committed.col.amount'),
      dataIndex: 'amountFen',
      width: 124,
      align: 'right',
      render: (fen: number) => <Money fen={fen} showWan stacked />,
    },
    {
      title: s('committed.col.status'),
      dataIndex: 'status',
      width: 96,
      responsive: ['sm'],
      render: (status: string) => <AwardStatusTag status={status} />,
    },
  ];
  return (
    <Card
      data-testid="committed-awards"
      title={
        <Flex gap={8} align="center">
          <CheckCircleOutlined style={{ color: '#16a34a' }} />
          <span>{s('committed.title')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {s('committed.count', { count: committed.awards.length })}
          </Typography.Text>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{s('committed.help')}</Typography.Paragraph>
      <Row gutter={[16, 12]} style={{ marginBottom: 12 }}>
        {(
          [
            { key: 'committed.total', fen: committed.totalFen, testId: 'committed-total' },
            { key: 'committed.envelope', fen: committed.envelopeFen, testId: undefined },
            { key: 'committed.remaining', fen: committed.remainingFen, testId: 'committed-remaining' },
            { key: 'committed.lineAvailable', fen: lineAvailableFen, testId: undefined },
          ] as const
        ).map(({ key, fen, testId }) => (
          <Col xs={12} md={6} key={key}>
            <Statistic title={s(key)} value={yuan(fen)} className="xs-committed-stat" data-testid={testId} />
          </Col>
        ))}
      </Row>
      <BudgetBar
        totalFen={committed.totalFen}
        envelopeFen={committed.envelopeFen}
        testId="budget-committed"
      />
      <Table<CommittedRow>
        style={{ marginTop: 16 }}
        rowKey="awardId"
        size="small"
        columns={columns}
        dataSource={committed.awards}
        pagination={false}
        data-testid="committed-table"
      />
      <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 16 }}>
        {committed.noticeId !== null && (
          <Button onClick={() => void navigate(`/notices/${committed.noticeId}`)}>
            {s('committed.openNotice')}
          </Button>
        )}
        <Button type="primary" onClick={() => void navigate(`/decisions/${committed.decisionId}`)}>
          {s('committed.openDecision')}
        </Button>
      </Flex>
    </Card>
  );
}
