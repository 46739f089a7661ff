import { ArrowLeftOutlined, NotificationOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { DecisionView, PublicNoticeView } from '@xiaoshi/contracts';
import { formatScore } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Skeleton,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { awardsApi, publicApi } from '../../api/awards';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { useCompetition } from '../competitions/useCompetitions';
import './awards.css';
import { AwardStatusTag, methodLabel } from './shared';
import { awardText } from './text';
import { useLang } from '../../i18n/i18n';
import { PublishCard } from './decision/PublishCard';

type AwardRow = DecisionView['awards'][number];

/**
 * The notice of a decision. The API's DecisionView does not name its notice, so it is looked up
 * among the public notices by competition (newest first).
 */
function useNoticeOf(decision: DecisionView | undefined, competitionTitle: string | undefined) {
  const live = decision && (decision.status === 'in_notice' || decision.status === 'approved');
  return useQuery({
    queryKey: ['awards', 'notice-of', decision?.id],
    queryFn: async ({ signal }) =>
      (await publicApi.notices(signal)).find((notice) => notice.competitionTitle === competitionTitle) ??
      null,
    enabled: !!live && !!competitionTitle,
  });
}

/** 立项决定: what was decided, how, by which rules and why; verify it, publish it. */
export default function DecisionPage() {
  const { id } = useParams();
  const decisionId = Number(id);
  const a = awardText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const decision = useQuery({
    queryKey: ['awards', 'decision', decisionId],
    queryFn: ({ signal }) => awardsApi.decision(decisionId, signal),
  });
  const competition = useCompetition(decision.data?.competitionId);
  const [published, setPublished] = useState<PublicNoticeView | null>(null);
  const notice = useNoticeOf(decision.data, competition.data?.title);
  const verify = useMutation({ mutationFn: () => awardsApi.verify(decisionId) });

  if (decision.isError) return <QueryError error={decision.error} onRetry={() => void decision.refetch()} />;
  if (decision.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const d = decision.data;
  const titles = new Map(d.awards.map((award) => [String(award.applicationId), award.title]));
  const noticeId = published?.id ?? notice.data?.id;

  const columns: TableColumnsType<AwardRow> = [
    {
      title: a('decision.col.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (rank: number | null) => rank ?? '—',
    },
    {
      title: a('decision.col.title'),
      key: 'title',
      render: (_, row) => (
        <Flex vertical>
          <Link to={`/applications/${row.applicationId}`}>{row.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.community} · {row.street}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: a('decision.col.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      render: (score: number | null) => formatScore(score),
    },
    {
      title: a('decision.col.amount'),
      dataIndex: 'amountFen',
      width: 180,
      align: 'right',
      render: (fen: number) => <Money fen={fen} showWan stacked />,
    },
    {
      title: a('decision.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <AwardStatusTag status={status} />,
    },
  ];
  const reasons = Object.entries(d.reasons);

  return (
    <>
      <PageHeader
        title={a('decision.title', { id: d.id })}
        subtitle={competition.data?.title}
        extra={
          <>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate(`/awards?competition=${d.competitionId}&tab=decisions`)}
            >
              {a('decision.back')}
            </Button>
            {noticeId && (
              <Button icon={<NotificationOutlined />} onClick={() => void navigate(`/notices/${noticeId}`)}>
                {a('publish.open')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card variant="borderless" title={a('decision.facts')} style={{ height: '100%' }}>
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={a('decision.status')}>
                  <span data-testid="decision-status">
                    <AwardStatusTag status={d.status} kind="decision" />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={a('decision.method')}>{methodLabel(d.method, a)}</Descriptions.Item>
                <Descriptions.Item label={a('decision.total')}>
                  <Money fen={d.totalFen} showWan strong />
                </Descriptions.Item>
                <Descriptions.Item label={a('decision.algorithm')}>
                  <Typography.Text code>{d.algorithmVersion}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={a('decision.createdAt')}>
                  {formatDateTime(d.createdAt, lang, false)}
                </Descriptions.Item>
                <Descriptions.Item label={a('decision.competition')}>
                  <Link to={`/competitions/${d.competitionId}`}>
                    {competition.data?.title ?? `#${d.competitionId}`}
                  </Link>
                </Descriptions.Item>
              </Descriptions>
              <Flex gap={12} align="center" wrap style={{ marginTop: 12 }}>
                <Button
                  icon={<SafetyCertificateOutlined />}
                  loading={verify.isPending}
                  onClick={() =>
                    verify.mutate(undefined, {
                      onError: (error) => void message.error(errorMessage(error)),
                    })
                  }
                >
                  {a('decision.verify')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a('decision.verifyHelp')}
                </Typography.Text>
              </Flex>
              {verify.data && (
                <Alert
                  style={{ marginTop: 12 }}
                  showIcon
                  type={verify.data.reproducible ? 'success' : 'error'}
                  title={
                    verify.data.reproducible ? a('decision.reproducible') : a('decision.notReproducible')
                  }
                  data-testid="verify-result"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <PublishCard
              decision={d}
              competitionTitle={competition.data?.title ?? ''}
              minimumDays={competition.data?.noticeWorkingDays ?? null}
              published={published}
              noticeId={noticeId}
              canPublish={can('awards.decide')}
              onPublished={setPublished}
            />
          </Col>
        </Row>
        <Card variant="borderless" title={a('decision.awards')}>
          <Table<AwardRow>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={d.awards}
            pagination={false}
            scroll={{ x: 640 }}
            data-testid="decision-awards"
          />
        </Card>
        <Card variant="borderless" title={a('decision.reasons')}>
          {reasons.length === 0 ? (
            <Typography.Text type="secondary">{a('decision.noReasons')}</Typography.Text>
          ) : (
            <Descriptions column={1} size="small" bordered>
              {reasons.map(([applicationId, text]) => (
                <Descriptions.Item
                  key={applicationId}
                  label={
                    <Link to={`/applications/${applicationId}`}>
                      {titles.get(applicationId) ?? `#${applicationId}`}
                    </Link>
                  }
                >
                  {text}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Card>
      </Flex>
    </>
  );
}
