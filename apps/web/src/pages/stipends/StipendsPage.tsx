import { Card, Empty, Flex, Select, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { BatchesTab } from './BatchesTab';
import { DepartureTab } from './DepartureTab';
import { ReportsTab } from './ReportsTab';
import { RosterTab } from './RosterTab';
import { currentQuarter, useStipendProgrammes } from './shared';
import { stipendText } from './i18n';

const TABS = ['roster', 'reports', 'batches', 'departure'] as const;
type TabKey = (typeof TABS)[number];

/** 补贴发放: roster and import, quarterly reports and audit, batches, one-off departure subsidies. */
export default function StipendsPage() {
  const s = stipendText.useT();
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
  if (programmes.isError)
    return <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />;

  // Building leaders' programmes have their own page (/building-leaders).
  const monthly = programmes.data.filter(
    (programme) => programme.kind === 'monthly_quarterly' && programme.rosterKind === 'retired_cadre',
  );
  const oneOff = programmes.data.filter((programme) => programme.kind === 'one_off');
  const wanted = Number(params.get('programme'));
  const programme = monthly.find((candidate) => candidate.id === wanted) ?? monthly[0];
  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'roster';
  const now = currentQuarter();
  const year = Number(params.get('year')) || now.year;
  const quarterParam = Number(params.get('quarter'));
  const quarter = quarterParam >= 1 && quarterParam <= 4 ? quarterParam : now.quarter;
  const period = { year, quarter };
  const setPeriod = (next: { year: number; quarter: number }) => update(next);

  const departureProgramme =
    oneOff.find((candidate) => candidate.rosterProgrammeId === programme?.id) ?? oneOff[0];

  return (
    <>
      <PageHeader
        title={s('title')}
        subtitle={s('subtitle')}
        extra={
          monthly.length > 0 && (
            <Flex align="center" gap={8}>
              <Typography.Text type="secondary">{s('programme')}</Typography.Text>
              <Select
                aria-label={s('programme')}
                value={programme?.id}
                style={{ minWidth: 260, maxWidth: '100%' }}
                popupMatchSelectWidth={false}
                options={monthly.map((candidate) => ({
                  value: candidate.id,
                  label: (
                    <Flex gap={6} align="center">
                      <span>{candidate.name}</span>
                      {candidate.isDemo && <Tag color="orange">{s('demo')}</Tag>}
                    </Flex>
                  ),
                }))}
                onChange={(value) => update({ programme: value })}
              />
            </Flex>
          )
        }
      />
      {!programme ? (
        <Card variant="borderless">
          <Empty description={s('noProgramme')} />
        </Card>
      ) : (
        <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {programme.budgetLine.year} · {programme.budgetLine.programmeName} · {programme.budgetLine.name}
          </Typography.Text>
          <Tabs
            activeKey={tab}
            onChange={(key) => update({ tab: key === 'roster' ? null : key })}
            destroyOnHidden
            items={[
              { key: 'roster', label: s('tab.roster'), children: <RosterTab programme={programme} /> },
              {
                key: 'reports',
                label: s('tab.reports'),
                children: <ReportsTab programme={programme} period={period} onPeriod={setPeriod} />,
              },
              {
                key: 'batches',
                label: s('tab.batches'),
                children: (
                  <BatchesTab
                    programme={programme}
                    period={period}
                    onPeriod={setPeriod}
                    batchId={Number(params.get('batch')) || null}
                    onBatch={(id) => update({ batch: id })}
                    relatedProgrammeIds={oneOff.map((candidate) => candidate.id)}
                  />
                ),
              },
              ...(departureProgramme
                ? [
                    {
                      key: 'departure',
                      label: s('tab.departure'),
                      children: (
                        <DepartureTab
                          programme={departureProgramme}
                          onBatch={(id: number) => update({ tab: 'batches', batch: id })}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </>
  );
}
