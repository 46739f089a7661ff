import { Card, Empty, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CompetitionStatusTag } from '../competitions/CompetitionStatusTag';
import { useCompetitions } from '../competitions/useCompetitions';
import './awards.css';
import { DecisionsList } from './DecisionsList';
import { SelectionWorkbench } from './SelectionWorkbench';
import { useAwardText } from './text';

const TABS = ['selection', 'decisions'] as const;
type TabKey = (typeof TABS)[number];

/** 立项评审: per competition, the selection workbench and the decisions made so far. */
export default function AwardsPage() {
  const { a } = useAwardText();
  const [params, setParams] = useSearchParams();
  const competitions = useCompetitions({});
  const choices = (competitions.data ?? []).filter(
    (competition) => competition.status !== 'draft' && competition.status !== 'cancelled',
  );
  const selectedId = Number(params.get('competition')) || undefined;
  const selected = choices.find((competition) => competition.id === selectedId);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'selection';

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (!selectedId && choices.length) {
      const next = new URLSearchParams(params);
      next.set('competition', String(choices[0].id));
      setParams(next, { replace: true });
    }
  }, [selectedId, choices, params, setParams]);

  return (
    <>
      <PageHeader
        title={a('title')}
        subtitle={a('subtitle')}
        extra={
          <Select<number>
            value={selected?.id}
            onChange={(id) => setParam('competition', String(id))}
            options={choices.map((competition) => ({ value: competition.id, label: competition.title }))}
            loading={competitions.isPending}
            placeholder={a('pickCompetition')}
            style={{ width: 320, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            aria-label={a('pickCompetition')}
          />
        }
      />
      {competitions.isError ? (
        <QueryError error={competitions.error} onRetry={() => void competitions.refetch()} />
      ) : competitions.isPending ? (
        <Skeleton active />
      ) : !selected ? (
        <Card variant="borderless">
          <Empty description={a('noCompetition')} />
        </Card>
      ) : (
        <Card variant="borderless">
          <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
            <Link to={`/competitions/${selected.id}`}>
              <Typography.Text strong>{selected.title}</Typography.Text>
            </Link>
            <CompetitionStatusTag competition={selected} />
          </Flex>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParam('tab', key)}
            destroyOnHidden
            items={[
              {
                key: 'selection',
                label: a('tab.selection'),
                children: <SelectionWorkbench competition={selected} />,
              },
              {
                key: 'decisions',
                label: a('tab.decisions'),
                children: <DecisionsList competitionId={selected.id} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
