import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import type { RegisterItemView } from '@xiaoshi/contracts';
import { publicApi } from '../../api/awards';
import { applicationStatusText } from '../../i18n/enums';
import { yuan } from '../../lib/money';
import { PublicError } from './shared';
import { awardText } from '../awards/text';

/** /public/projects: the register of funded projects (status, amount, place; no personal data). */
export default function PublicProjectsPage() {
  const a = awardText.useT();
  const projects = useInfiniteQuery({
    queryKey: ['public', 'projects'],
    queryFn: ({ pageParam, signal }) => publicApi.projects(pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = projects.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {a('public.register')}
        </Typography.Title>
        <Typography.Text type="secondary">{a('public.registerHelp')}</Typography.Text>
      </div>
      <Card size="small">
        {projects.isError ? (
          <PublicError error={projects.error} onRetry={() => void projects.refetch()} />
        ) : projects.isPending ? (
          <Skeleton active />
        ) : (
          <List<RegisterItemView>
            dataSource={rows}
            locale={{ emptyText: <Empty description={a('public.noProjects')} /> }}
            renderItem={(item) => (
              <List.Item data-testid={`project-${item.id}`}>
                <Flex justify="space-between" align="flex-start" gap={12} style={{ width: '100%' }}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {item.community} · {item.street} · {item.category}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.competition}
                    </Typography.Text>
                  </Flex>
                  <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
                    <span className="xs-public-amount">{yuan(item.amountFen)}</span>
                    <Typography.Text style={{ fontSize: 12 }}>
                      {applicationStatusText.label(item.status)}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </List.Item>
            )}
            footer={
              rows.length > 0 && (
                <Flex justify="center">
                  {projects.hasNextPage ? (
                    <Button
                      loading={projects.isFetchingNextPage}
                      onClick={() => void projects.fetchNextPage()}
                    >
                      {a('public.more')}
                    </Button>
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a('public.allLoaded')}
                    </Typography.Text>
                  )}
                </Flex>
              )
            }
          />
        )}
      </Card>
      <Link to="/public">{a('public.toNotices')}</Link>
    </Flex>
  );
}
