import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ProjectStatus, ProjectView } from '@xiaoshi/contracts';
import { Card, Checkbox, Empty, Flex, List, Progress, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { deliveryApi } from '../../api/delivery';
import { useAuth, useSessionUser } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { type DeliveryKey } from './i18n';
import { ProjectStatusTag, kindLabel } from './shared';
import { deliveryText } from './i18n';

/** Mirrors PROJECT_STATUSES of the contracts (their module would pull zod into this chunk). */
const STATUSES = [
  'in_progress',
  'acceptance_requested',
  'inspecting',
  'rectification',
  'accepted',
  'failed',
  'closed',
] as const satisfies readonly ProjectStatus[];

/** 项目实施: the projects in the user's scope; an inspector's open inspections first. */
export default function ProjectsPage() {
  const d = deliveryText.useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  // A link (from the 工作台) may open the list filtered: ?status=acceptance_requested, ?overdue=1.
  const [params] = useSearchParams();
  const [status, setStatus] = useState<ProjectStatus | undefined>(() =>
    STATUSES.find((candidate) => candidate === params.get('status')),
  );
  const [overdue, setOverdue] = useState(() => params.get('overdue') === '1');
  const projects = useQuery({
    queryKey: ['delivery', 'projects', { status, overdue }],
    queryFn: ({ signal }) => deliveryApi.projects({ status, overdue }, signal),
  });

  return (
    <>
      <PageHeader
        title={d('projects.title')}
        subtitle={d('projects.subtitle')}
        extra={
          <>
            <Select<ProjectStatus | undefined>
              value={status}
              onChange={setStatus}
              allowClear
              placeholder={d('projects.filter.all')}
              aria-label={d('projects.filter.status')}
              style={{ width: 160 }}
              options={STATUSES.map((value) => ({ value, label: d(`status.${value}` as DeliveryKey) }))}
            />
            <Checkbox checked={overdue} onChange={(event) => setOverdue(event.target.checked)}>
              {d('projects.filter.overdue')}
            </Checkbox>
          </>
        }
      />
      {can('delivery.inspect') && <MyInspections />}
      <Card variant="borderless">
        {projects.isError ? (
          <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
        ) : (
          <Table<ProjectView>
            rowKey="id"
            loading={projects.isPending}
            dataSource={projects.data ?? []}
            locale={{ emptyText: <Empty description={d('projects.none')} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            onRow={(project) => ({
              onClick: () => void navigate(`/projects/${project.id}`),
              style: { cursor: 'pointer' },
              'data-testid': `project-${project.id}`,
            })}
            footer={() =>
              projects.data ? (
                <Typography.Text type="secondary">
                  {d('projects.count', { count: projects.data.length })}
                </Typography.Text>
              ) : null
            }
            columns={[
              {
                title: d('projects.col.title'),
                key: 'title',
                render: (_, project) => (
                  <Flex vertical gap={2}>
                    <Link to={`/projects/${project.id}`} onClick={(event) => event.stopPropagation()}>
                      {project.title}
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {project.category.name} · {project.competition.title}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: d('projects.col.unit'),
                key: 'unit',
                width: 180,
                render: (_, project) => `${project.community.name}（${project.street.name}）`,
              },
              {
                title: d('projects.col.amount'),
                key: 'amount',
                width: 150,
                align: 'right',
                render: (_, project) => <Money fen={project.amountFen} showWan stacked />,
              },
              {
                title: d('projects.col.paid'),
                key: 'paid',
                width: 150,
                align: 'right',
                render: (_, project) => <Money fen={project.money.paidFen} />,
              },
              {
                title: d('projects.col.progress'),
                key: 'progress',
                width: 150,
                render: (_, project) => (
                  <Progress percent={project.percentComplete} size="small" style={{ margin: 0 }} />
                ),
              },
              {
                title: d('projects.col.status'),
                key: 'status',
                width: 170,
                render: (_, project) => (
                  <Flex gap={4} wrap>
                    <ProjectStatusTag status={project.status} />
                    {project.overdue.noReportThisMonth && <Tag color="warning">{d('overdue.noReport')}</Tag>}
                    {project.overdue.pastEndDate && <Tag color="error">{d('overdue.pastEnd')}</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** The inspector's open rounds: projects being inspected where they are among the inspectors. */
function MyInspections() {
  const d = deliveryText.useT();
  const user = useSessionUser();
  const navigate = useNavigate();
  const mine = useQuery({
    queryKey: ['delivery', 'my-inspections', user.id],
    queryFn: async ({ signal }) => {
      const projects = await deliveryApi.projects({ status: 'inspecting' }, signal);
      const rounds = await Promise.all(
        projects.map(async (project) =>
          (await deliveryApi.inspections(project.id, signal))
            .filter((i) => i.status === 'assigned' && i.inspectors.some((p) => p.id === user.id))
            .map((inspection) => ({ inspection, project })),
        ),
      );
      return rounds.flat();
    },
  });
  if (mine.isError) return null;
  return (
    <Card variant="borderless" title={d('projects.myInspections')} style={{ marginBottom: 16 }}>
      <List
        loading={mine.isPending}
        dataSource={mine.data ?? []}
        locale={{ emptyText: d('projects.myInspectionsNone') }}
        renderItem={({ inspection, project }) => (
          <List.Item
            className="xs-task"
            onClick={() => void navigate(`/inspections/${inspection.id}`)}
            data-testid={`my-inspection-${inspection.id}`}
          >
            <Flex justify="space-between" align="center" gap={12} style={{ width: '100%' }}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Typography.Text strong ellipsis>
                  {project.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {project.community.name}（{project.street.name}） ·{' '}
                  {d('projects.inspectionRound', {
                    round: inspection.round,
                    kind: kindLabel(d, inspection.kind),
                  })}
                </Typography.Text>
              </Flex>
              <Flex align="center" gap={8} style={{ flex: 'none' }}>
                <Typography.Link>{d('projects.open')}</Typography.Link>
                <RightOutlined style={{ color: '#94a3b8' }} />
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
