import { DownloadOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CompetitionView, RankingRowView } from '@xiaoshi/contracts';
import { formatScore } from '@xiaoshi/domain';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { reviewsApi, type ReviewExport } from '../../api/reviews';
import { QueryError } from '../../components/QueryError';
import { Money } from '../../components/Money';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { ScoreHistogram } from './ScoreHistogram';
import { usePanel } from './useReviewAdmin';
import { reviewAdminText } from './text';
import { commonText } from '../../i18n/common';

/** The ranking is recomputed by a job after each sheet: refresh often while someone watches. */
const REFRESH_MS = 10_000;

export function RankingTab({ competition }: { competition: CompetitionView }) {
  const t = reviewAdminText.useT();
  const tc = commonText.useT();
  const panel = usePanel(competition.id);
  const ranking = useQuery({
    queryKey: ['reviews', 'ranking', competition.id],
    queryFn: ({ signal }) => reviewsApi.ranking(competition.id, signal),
    refetchInterval: REFRESH_MS,
  });
  const progress = useQuery({
    queryKey: ['reviews', 'progress', competition.id],
    queryFn: ({ signal }) => reviewsApi.progress(competition.id, signal),
    refetchInterval: REFRESH_MS,
  });
  const zScores = useQuery({
    queryKey: ['reviews', 'z-scores', competition.id],
    queryFn: ({ signal }) => reviewsApi.zScores(competition.id, signal),
  });
  const threshold = panel.data?.fundableThreshold ?? 60;
  const rows = ranking.data ?? [];
  const scores = rows.flatMap((row) => (row.score === null ? [] : [row.score]));
  const done = (progress.data?.reviewers ?? []).reduce((sum, row) => sum + row.done, 0);
  const due = (progress.data?.reviewers ?? []).reduce((sum, row) => sum + row.due, 0);
  const multipleCategories = new Set(rows.map((row) => row.category)).size > 1;

  const columns: TableColumnsType<RankingRowView> = [
    {
      title: t('ranking.col.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (rank: number) => <Typography.Text strong>{rank}</Typography.Text>,
    },
    {
      title: t('ranking.col.title'),
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
    ...(multipleCategories ? [{ title: t('ranking.col.category'), dataIndex: 'category', width: 100 }] : []),
    {
      title: t('ranking.col.score'),
      dataIndex: 'score',
      width: 110,
      align: 'right',
      render: (score: number | null, row) => (
        <Flex vertical align="flex-end">
          <Typography.Text
            strong
            style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }}
            data-testid={`score-${row.applicationId}`}
          >
            {formatScore(score)}
          </Typography.Text>
          {score !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t(`aggregation.${row.method}`)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('ranking.col.sheets'),
      key: 'sheets',
      width: 120,
      render: (_, row) => (
        <Tooltip
          title={t('ranking.sheetsTooltip', {
            used: row.sheetsUsed,
            submitted: row.sheetsSubmitted,
            due: row.sheetsDue,
          })}
        >
          <Progress
            percent={row.sheetsDue ? Math.round((row.sheetsSubmitted / row.sheetsDue) * 100) : 0}
            size="small"
            format={() => `${row.sheetsSubmitted}/${row.sheetsDue}`}
          />
        </Tooltip>
      ),
    },
    {
      title: t('ranking.col.spread'),
      key: 'spread',
      width: 110,
      render: (_, row) =>
        row.spread === null ? (
          tc('none')
        ) : (
          <Flex gap={4} align="center">
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatScore(row.spread)}</span>
            {row.disagreement && (
              <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
                {t('ranking.disagreement')}
              </Tag>
            )}
          </Flex>
        ),
    },
    {
      title: t('ranking.col.subsidy'),
      dataIndex: 'requestedSubsidyFen',
      width: 130,
      align: 'right',
      responsive: ['xl'],
      render: (fen: number) => <Money fen={fen} />,
    },
    {
      title: t('ranking.col.beneficiaries'),
      dataIndex: 'beneficiariesCount',
      width: 90,
      align: 'right',
      responsive: ['xl'],
    },
    {
      title: t('ranking.col.fundable'),
      dataIndex: 'fundable',
      width: 100,
      render: (fundable: boolean, row) =>
        row.score === null ? (
          <Tag>{t('ranking.noScore')}</Tag>
        ) : fundable ? (
          <Tag color="green">{t('ranking.fundable')}</Tag>
        ) : (
          <Tag>{t('ranking.belowThreshold')}</Tag>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('ranking.autoRefresh')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void Promise.all([ranking.refetch(), progress.refetch(), zScores.refetch()])}
          >
            {tc('reload')}
          </Button>
          <ExportButtons competitionId={competition.id} />
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9}>
          <Card size="small" title={t('ranking.progress')} style={{ height: '100%' }}>
            <Flex gap={24} wrap>
              <Statistic title={t('ranking.sheetsDone')} value={done} suffix={`/ ${due}`} />
              <Statistic title={t('ranking.ranked')} value={rows.length} />
              <Statistic
                title={t('ranking.fundableCount')}
                value={rows.filter((row) => row.fundable && row.score !== null).length}
              />
            </Flex>
            <Progress percent={due ? Math.round((done / due) * 100) : 0} style={{ marginTop: 12 }} />
          </Card>
        </Col>
        <Col xs={24} md={15}>
          <Card size="small" title={t('ranking.distribution')} style={{ height: '100%' }}>
            {scores.length ? (
              <ScoreHistogram scores={scores} threshold={threshold} />
            ) : (
              <Typography.Text type="secondary">{t('ranking.noScoresYet')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('ranking.table')}>
        {ranking.isError ? (
          <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} compact />
        ) : (
          <Table<RankingRowView>
            rowKey="applicationId"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={ranking.isPending}
            pagination={false}
            scroll={{ x: 700 }}
            rowClassName={(row) => (row.disagreement ? 'xs-row-flag' : '')}
            locale={{ emptyText: t('ranking.empty') }}
            data-testid="ranking-table"
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ranking.byReviewer')}>
            <Table
              rowKey="reviewerUserId"
              size="small"
              pagination={false}
              dataSource={progress.data?.reviewers ?? []}
              loading={progress.isPending}
              locale={{ emptyText: t('ranking.noAssignments') }}
              columns={[
                { title: t('col.reviewer'), dataIndex: 'displayName' },
                {
                  title: t('ranking.col.sheets'),
                  key: 'progress',
                  width: 180,
                  render: (_, row) => (
                    <Progress
                      percent={row.due ? Math.round((row.done / row.due) * 100) : 0}
                      size="small"
                      format={() => `${row.done}/${row.due}`}
                    />
                  ),
                },
                {
                  title: t('ranking.col.z'),
                  key: 'z',
                  width: 140,
                  render: (_, row) => {
                    const stats = zScores.data?.reviewers[String(row.reviewerUserId)];
                    return stats
                      ? t('ranking.meanSd', { mean: stats.mean.toFixed(1), sd: stats.sd.toFixed(1) })
                      : tc('none');
                  },
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ranking.byApplication')}>
            <Table
              rowKey="applicationId"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
              dataSource={progress.data?.applications ?? []}
              loading={progress.isPending}
              locale={{ emptyText: t('ranking.noAssignments') }}
              columns={[
                { title: t('ranking.col.title'), dataIndex: 'title', ellipsis: true },
                {
                  title: t('ranking.col.sheets'),
                  key: 'progress',
                  width: 180,
                  render: (_, row) => (
                    <Progress
                      percent={row.due ? Math.round((row.done / row.due) * 100) : 0}
                      size="small"
                      format={() => `${row.done}/${row.due}`}
                    />
                  ),
                },
                {
                  title: t('ranking.col.meanZ'),
                  key: 'z',
                  width: 90,
                  align: 'right',
                  render: (_, row) => {
                    const z = zScores.data?.byApplication[String(row.applicationId)];
                    return z ? z.meanZ.toFixed(2) : tc('none');
                  },
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

const EXPORTS: Array<{
  kind: ReviewExport;
  label: 'ranking.export.scoreMatrix' | 'ranking.export.ranking' | 'ranking.export.summary';
  file: string;
}> = [
  { kind: 'score-matrix', label: 'ranking.export.scoreMatrix', file: '评分明细.xlsx' },
  { kind: 'ranking', label: 'ranking.export.ranking', file: '评审排名.xlsx' },
  { kind: 'summary', label: 'ranking.export.summary', file: '评分汇总表.xlsx' },
];

function ExportButtons({ competitionId }: { competitionId: number }) {
  const t = reviewAdminText.useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ReviewExport | null>(null);
  const run = async (kind: ReviewExport, file: string) => {
    setBusy(kind);
    try {
      saveFile(await reviewsApi.exportFile(competitionId, kind), file);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {EXPORTS.map((item) => (
        <Button
          key={item.kind}
          icon={<DownloadOutlined />}
          loading={busy === item.kind}
          onClick={() => void run(item.kind, item.file)}
        >
          {t(item.label)}
        </Button>
      ))}
    </>
  );
}
