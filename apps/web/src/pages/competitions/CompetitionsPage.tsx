import { PlusOutlined } from '@ant-design/icons';
import type { CompetitionListQuery, CompetitionView } from '@xiaoshi/contracts';
import { Button, Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { competitionKindText, competitionStatusText } from '../../i18n/enums';
import { beijingYear, formatDateTime } from '../../lib/time';
import { CompetitionStatusTag } from './CompetitionStatusTag';
import { useCompetitions } from './useCompetitions';
import { competitionsText } from './text';
import { budgetsText } from '../budgets/text';
import { useLang } from '../../i18n/i18n';

const STATUSES: NonNullable<CompetitionListQuery['status']>[] = ['draft', 'published', 'closed', 'cancelled'];

export default function CompetitionsPage() {
  const t = competitionsText.useT();
  const tBudgets = budgetsText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const navigate = useNavigate();
  const thisYear = beijingYear();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [status, setStatus] = useState<CompetitionListQuery['status']>();
  const competitions = useCompetitions({ year, status });
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  const columns: TableColumnsType<CompetitionView> = [
    {
      title: t('col.title'),
      key: 'title',
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Link to={`/competitions/${row.id}`}>{row.title}</Link>
          <Flex gap={4} wrap>
            <Tag style={{ marginInlineEnd: 0 }}>{competitionKindText.label(row.kind)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.budgetLineName}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('col.envelope'),
      dataIndex: 'envelopeFen',
      align: 'right',
      width: 160,
      render: (fen: number) => <Money fen={fen} showWan stacked />,
    },
    {
      title: t('col.window'),
      key: 'window',
      width: 200,
      render: (_, row) => (
        <Flex vertical style={{ fontVariantNumeric: 'tabular-nums', fontSize: 13 }}>
          <span>{formatDateTime(row.submissionOpensAt, lang, false)}</span>
          <Typography.Text type="secondary">
            {t('until', { time: formatDateTime(row.submissionClosesAt, lang, false) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.quota'),
      key: 'quota',
      width: 150,
      responsive: ['lg'],
      render: (_, row) => (
        <Flex vertical style={{ fontSize: 13 }}>
          <span>{t('minPerStreetShort', { count: row.minPerStreet })}</span>
          <Typography.Text type="secondary">
            {t('awardRangeShort', { min: row.awardMin, max: row.awardMax })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.status'),
      key: 'status',
      width: 150,
      render: (_, row) => <CompetitionStatusTag competition={row} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          can('competitions.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/competitions/new')}>
              {t('create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<number>
            allowClear
            placeholder={t('allYears')}
            value={year}
            onChange={(value) => setYear(value ?? undefined)}
            options={years.map((value) => ({ value, label: tBudgets('year', { year: value }) }))}
            style={{ width: 130 }}
          />
          <Select<NonNullable<CompetitionListQuery['status']>>
            allowClear
            placeholder={t('allStatuses')}
            value={status}
            onChange={(value) => setStatus(value ?? undefined)}
            options={STATUSES.map((value) => ({ value, label: competitionStatusText.label(value) }))}
            style={{ width: 140 }}
          />
        </Flex>
        {competitions.isError ? (
          <QueryError error={competitions.error} onRetry={() => void competitions.refetch()} />
        ) : (
          <Table<CompetitionView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={competitions.data ?? []}
            loading={competitions.isPending}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: t('empty') }}
          />
        )}
      </Card>
    </>
  );
}
