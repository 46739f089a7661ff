import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ReviewTaskView } from '@xiaoshi/contracts';
import { formatScore } from '@xiaoshi/domain';
import { Card, Empty, Flex, List, Progress, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { reviewsApi } from '../../api/reviews';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { daysUntil, formatDateTime } from '../../lib/time';
import { SheetStatusTag } from './SheetStatusTag';
import { reviewsText } from './text';
import { useLang } from '../../i18n/i18n';

type Filter = 'todo' | 'all';

/** 评审工作台: the reviewer's own assignments, unfinished first, grouped by competition. */
export default function ReviewQueuePage() {
  const t = reviewsText.useT();
  const lang = useLang();
  const [filter, setFilter] = useState<Filter>('todo');
  const tasks = useQuery({
    queryKey: ['reviews', 'my'],
    queryFn: ({ signal }) => reviewsApi.myTasks(signal),
  });
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const all = tasks.data ?? [];
  const done = all.filter((task) => task.sheetStatus === 'submitted').length;
  const shown = filter === 'todo' ? all.filter((task) => task.sheetStatus !== 'submitted') : all;
  const groups = new Map<number, { title: string; tasks: ReviewTaskView[] }>();
  for (const task of shown) {
    const group = groups.get(task.competitionId) ?? { title: task.competitionTitle, tasks: [] };
    group.tasks.push(task);
    groups.set(task.competitionId, group);
  }

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical style={{ minWidth: 220, flex: 1 }}>
            <Typography.Text>{t('progress', { done, total: all.length })}</Typography.Text>
            <Progress percent={all.length ? Math.round((done / all.length) * 100) : 0} />
          </Flex>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'todo', label: t('filter.todo', { count: all.length - done }) },
              { value: 'all', label: t('filter.all', { count: all.length }) },
            ]}
          />
        </Flex>
      </Card>
      {tasks.isPending ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : shown.length === 0 ? (
        <Card variant="borderless">
          <Empty description={filter === 'todo' && all.length ? t('allDone') : t('none')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {[...groups.entries()].map(([id, group]) => (
            <Card
              key={id}
              variant="borderless"
              title={group.title}
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('closes', { time: formatDateTime(group.tasks[0].reviewClosesAt, lang, false) })}
                </Typography.Text>
              }
            >
              <List<ReviewTaskView>
                dataSource={group.tasks}
                renderItem={(task) => <TaskItem task={task} />}
              />
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}

function TaskItem({ task }: { task: ReviewTaskView }) {
  const t = reviewsText.useT();
  const navigate = useNavigate();
  const days = daysUntil(task.reviewClosesAt);
  const open = () => void navigate(`/reviews/${task.assignmentId}`);
  return (
    <List.Item
      className="xs-task"
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
      }}
      tabIndex={0}
      role="link"
      data-testid={`task-${task.applicationId}`}
    >
      <Flex justify="space-between" align="center" gap={12} style={{ width: '100%' }}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {task.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {task.category}
            {' · '}
            {task.community && task.street ? `${task.community}（${task.street}）` : t('blind')}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={12} style={{ flex: 'none' }}>
          {task.sheetStatus !== 'submitted' && days <= 3 && (
            <Typography.Text type={days < 0 ? 'danger' : 'warning'} style={{ fontSize: 13 }}>
              {days < 0 ? t('overdue') : t('daysLeft', { days })}
            </Typography.Text>
          )}
          {task.total !== null && (
            <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('totalShort', { total: formatScore(task.total) })}
            </Typography.Text>
          )}
          <SheetStatusTag status={task.sheetStatus} />
          <RightOutlined style={{ color: '#94a3b8' }} />
        </Flex>
      </Flex>
    </List.Item>
  );
}
