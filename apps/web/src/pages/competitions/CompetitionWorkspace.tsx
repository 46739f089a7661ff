import type { CompetitionView } from '@xiaoshi/contracts';
import { Card, Empty, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CompetitionStatusTag } from './CompetitionStatusTag';
import { useCompetitions } from './useCompetitions';

export interface WorkspaceTab {
  key: string;
  label: string;
  render: (competition: CompetitionView) => ReactNode;
}

interface CompetitionWorkspaceProps {
  title: string;
  subtitle: string;
  pickLabel: string;
  emptyLabel: string;
  /** Which competitions can be picked (e.g. not drafts). */
  include: (competition: CompetitionView) => boolean;
  tabs: WorkspaceTab[];
}

/**
 * A page that works on one competition at a time: a competition picker in the header (the first
 * eligible one by default), then tabs. The competition and the tab live in the URL so that links
 * and reloads land on the same view.
 */
export function CompetitionWorkspace({ title, subtitle, pickLabel, emptyLabel, include, tabs }: CompetitionWorkspaceProps) {
  const [params, setParams] = useSearchParams();
  const competitions = useCompetitions({});
  const choices = (competitions.data ?? []).filter(include);
  const selectedId = Number(params.get('competition')) || undefined;
  const selected = choices.find((competition) => competition.id === selectedId);
  const tab = tabs.some((candidate) => candidate.key === params.get('tab')) ? (params.get('tab') as string) : tabs[0].key;

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
        title={title}
        subtitle={subtitle}
        extra={
          <Select<number>
            value={selected?.id}
            onChange={(id) => setParam('competition', String(id))}
            options={choices.map((competition) => ({ value: competition.id, label: competition.title }))}
            loading={competitions.isPending}
            placeholder={pickLabel}
            style={{ width: 320, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            aria-label={pickLabel}
          />
        }
      />
      {competitions.isError ? (
        <QueryError error={competitions.error} onRetry={() => void competitions.refetch()} />
      ) : competitions.isPending ? (
        <Skeleton active />
      ) : !selected ? (
        <Card variant="borderless">
          <Empty description={emptyLabel} />
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
            items={tabs.map((item) => ({ key: item.key, label: item.label, children: item.render(selected) }))}
          />
        </Card>
      )}
    </>
  );
}
