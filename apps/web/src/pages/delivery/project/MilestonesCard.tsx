import { EditOutlined } from '@ant-design/icons';
import type { ProjectView } from '@xiaoshi/contracts';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { beijingDate } from '../../../lib/time';
import { deliveryText } from '../i18n';

export function MilestonesCard({ project: p, onEdit }: { project: ProjectView; onEdit?: () => void }) {
  const d = deliveryText.useT();
  const today = beijingDate();
  return (
    <Card
      variant="borderless"
      size="small"
      title={d('milestones.title')}
      extra={
        onEdit && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
            {d('milestones.edit')}
          </Button>
        )
      }
    >
      {p.milestones.length === 0 ? (
        <Typography.Text type="secondary">{d('milestones.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={p.milestones}
          renderItem={(m) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
                <Typography.Text delete={m.done} type={m.done ? 'secondary' : undefined}>
                  {m.done ? '✓ ' : ''}
                  {m.title}
                </Typography.Text>
                <Flex gap={4} align="center" style={{ flex: 'none' }}>
                  {!m.done && m.dueDate < today && <Tag color="error">{d('milestones.overdue')}</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.dueDate}
                  </Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
