import { Card, Empty, Flex, Select, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { BatchesTab } from '../stipends/BatchesTab';
import { ReportsTab } from '../stipends/ReportsTab';
import { currentQuarter, useStipendProgrammes } from '../stipends/shared';
import { LeaderRosterTab } from './LeaderRosterTab';
import { RatesTab } from './RatesTab';
import { text } from './text';

type TabKey = 'roster' | 'reports' | 'batches' | 'rates';

/**
 * 楼栋长工作经费: the building leaders' roster (streets), quarterly reports and the district's audit
 * (the stipend pages' own tabs), batches for finance and the rate tables.
 */
export default function BuildingLeadersPage() {
  const t = text.useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const programmes = useStipendProgrammes();

  const update = (changes: Record<string, string | number | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  if (programmes.isPending) return <PageSpinner />;
  if (programmes.isError) return <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />;

  const leaders = programmes.data.filter((programme) => programme.rosterKind === 'building_leader');
  const programme = leaders.find((candidate) => candidate.id === Number(params.get('programme'))) ?? leaders[0];
  const districtTabs = can('stipends.audit') || can('stipends.prepare') || can('stipends.manage');
  const visible: TabKey[] = ['roster', 'reports', ...(districtTabs ? (['batches', 'rates'] as const) : [])];
  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && visible.includes(tabParam) ? tabParam : 'roster';
  const now = currentQuarter();
  const year = Number(params.get('year')) || now.year;
  const quarterParam = Number(params.get('quarter'));
  const period = { year, quarter: quarterParam >= 1 && quarterParam <= 4 ? quarterParam : now.quarter };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          leaders.length > 1 && (
            <Select
              aria-label={t('programme')}
              value={programme?.id}
              style={{ minWidth: 240, maxWidth: '100%' }}
              options={leaders.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              onChange={(value) => update({ programme: value })}
            />
          )
        }
      />
      {!programme ? (
        <Card variant="borderless">
          <Empty description={t('noProgramme')} />
        </Card>
      ) : (
        <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{programme.name}</Typography.Text>
            {programme.isDemo && <Tag color="orange">{t('demo')}</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {programme.budgetLine.year} · {programme.budgetLine.programmeName} · {programme.budgetLine.name}
            </Typography.Text>
          </Flex>
          <Tabs
            activeKey={tab}
            onChange={(key) => update({ tab: key === 'roster' ? null : key })}
            destroyOnHidden
            items={[
              { key: 'roster', label: t('tab.roster'), children: <LeaderRosterTab programme={programme} /> },
              {
                key: 'reports',
                label: t('tab.reports'),
                children: <ReportsTab programme={programme} period={period} onPeriod={(next) => update(next)} />,
              },
              ...(districtTabs
                ? [
                    {
                      key: 'batches',
                      label: t('tab.batches'),
                      children: (
                        <BatchesTab
                          programme={programme}
                          period={period}
                          onPeriod={(next) => update(next)}
                          batchId={Number(params.get('batch')) || null}
                          onBatch={(id) => update({ batch: id })}
                        />
                      ),
                    },
                    { key: 'rates', label: t('tab.rates'), children: <RatesTab programme={programme} /> },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </>
  );
}
