import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import type { PublicNoticeSummaryView } from '@xiaoshi/contracts';
import { publicApi } from '../../api/awards';
import { NoticeStatusTag, PublicError } from './shared';
import { awardText } from '../awards/text';

/** /public: the notices, open ones first, and the way to the register of funded projects. */
export default function PublicNoticesPage() {
  const a = awardText.useT();
  const notices = useQuery({
    queryKey: ['public', 'notices'],
    queryFn: ({ signal }) => publicApi.notices(signal),
  });
  const rows = [...(notices.data ?? [])].sort(
    (x, y) => Number(y.status === 'open') - Number(x.status === 'open') || y.id - x.id,
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {a('public.notices')}
        </Typography.Title>
        <Typography.Text type="secondary">{a('public.noticesHelp')}</Typography.Text>
      </div>
      <Card size="small">
        {notices.isError ? (
          <PublicError error={notices.error} onRetry={() => void notices.refetch()} />
        ) : notices.isPending ? (
          <Skeleton active />
        ) : (
          <List<PublicNoticeSummaryView>
            dataSource={rows}
            locale={{ emptyText: <Empty description={a('public.noNotices')} /> }}
            renderItem={(notice) => (
              <List.Item>
                <Link
                  to={`/public/notices/${notice.id}`}
                  style={{ width: '100%' }}
                  data-testid={`public-notice-${notice.id}`}
                >
                  <Flex justify="space-between" align="center" gap={12}>
                    <Flex vertical gap={4} style={{ minWidth: 0 }}>
                      <Typography.Text strong>{notice.title}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {a('public.period', { first: notice.firstDay, last: notice.lastDay })}
                      </Typography.Text>
                      <span>
                        <NoticeStatusTag status={notice.status} />
                      </span>
                    </Flex>
                    <RightOutlined style={{ color: '#94a3b8', flex: 'none' }} />
                  </Flex>
                </Link>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small">
        <Link to="/public/projects">
          <Flex justify="space-between" align="center" gap={12}>
            <Flex vertical>
              <Typography.Text strong>{a('public.toRegister')}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {a('public.registerHelp')}
              </Typography.Text>
            </Flex>
            <RightOutlined style={{ color: '#94a3b8' }} />
          </Flex>
        </Link>
      </Card>
    </Flex>
  );
}
