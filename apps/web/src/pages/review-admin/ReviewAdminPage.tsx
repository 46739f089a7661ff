import { Card, Empty, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { CompetitionStatusTag } from '../competitions/CompetitionStatusTag';
import { useCompetitions } from '../competitions/useCompetitions';
import { AssignmentTab } from './AssignmentTab';
import { ConflictsTab } from './ConflictsTab';
import { PanelTab } from './PanelTab';
import { RankingTab } from './RankingTab';

const TABS = ['panel', 'conflicts', 'assignment', 'ranking'] as const;
type TabKey = (typeof TABS)[number];

/** 评审管理: per competition, the panel and its draw, conflicts, assignment, and the ranking. */
export default function ReviewAdminPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const competitions = useCompetitions({});
  const choices = (competitions.data ?? []).filter((competition) => competition.status !== 'draft');
  const selectedId = Number(params.get('competition')) || undefined;
  const selected = choices.find((competition) => competition.id === selectedId);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'panel';

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  // No competition chosen yet: the first open one.
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
        title={t('reviewAdmin.title')}
        subtitle={t('reviewAdmin.subtitle')}
        extra={
          <Select<number>
            value={selected?.id}
            onChange={(id) => setParam('competition', String(id))}
            options={choices.map((competition) => ({ value: competition.id, label: competition.title }))}
            loading={competitions.isPending}
            placeholder={t('reviewAdmin.pickCompetition')}
            style={{ width: 320, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            aria-label={t('reviewAdmin.pickCompetition')}
          />
        }
      />
      {competitions.isError ? (
        <QueryError error={competitions.error} onRetry={() => void competitions.refetch()} />
      ) : competitions.isPending ? (
        <Skeleton active />
      ) : !selected ? (
        <Card variant="borderless">
          <Empty description={t('reviewAdmin.noCompetition')} />
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
                key: 'panel',
                label: t('reviewAdmin.tab.panel'),
                children: <PanelTab competition={selected} />,
              },
              {
                key: 'conflicts',
                label: t('reviewAdmin.tab.conflicts'),
                children: <ConflictsTab competition={selected} />,
              },
              {
                key: 'assignment',
                label: t('reviewAdmin.tab.assignment'),
                children: <AssignmentTab competition={selected} />,
              },
              {
                key: 'ranking',
                label: t('reviewAdmin.tab.ranking'),
                children: <RankingTab competition={selected} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
