import type { ObjectionDecisionView, ObjectionView, PublicNoticeView } from '@xiaoshi/contracts';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/QueryError';
import { yuan } from '../../../lib/money';
import { formatDateTime } from '../../../lib/time';
import '../awards.css';
import { awardText } from '../text';
import { commonText } from '../../../i18n/common';
import { useLang } from '../../../i18n/i18n';
import { DecideModal } from './DecideModal';

export type Item = PublicNoticeView['items'][number];

export function Inbox({
  noticeId,
  items,
  objections,
  pending,
  canDecide,
}: {
  noticeId: number;
  items: Item[];
  objections: ReturnType<typeof useQuery<ObjectionView[]>>;
  pending: number;
  canDecide: boolean;
}) {
  const a = awardText.useT();
  const t = commonText.useT();
  const lang = useLang();
  const [deciding, setDeciding] = useState<ObjectionView | null>(null);
  const [outcome, setOutcome] = useState<ObjectionDecisionView | null>(null);
  const titles = new Map(items.map((item) => [item.awardId, item.title]));
  return (
    <Card
      variant="borderless"
      title={
        <Flex gap={8} align="center">
          {a('objections.title')}
          {pending > 0 && <Badge count={a('objections.pendingCount', { count: pending })} color="#f59e0b" />}
        </Flex>
      }
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void objections.refetch()}>
          {t('reload')}
        </Button>
      }
      data-testid="objections-inbox"
    >
      {outcome && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          closable={{ onClose: () => setOutcome(null) }}
          type={outcome.suggestion ? 'warning' : 'info'}
          title={
            outcome.suggestion
              ? a('objections.suggestion', {
                  title: outcome.suggestion.title,
                  amount: yuan(outcome.suggestion.awardFen),
                })
              : a('objections.noSuggestion')
          }
          data-testid="objection-suggestion"
        />
      )}
      {objections.isError ? (
        <QueryError error={objections.error} onRetry={() => void objections.refetch()} compact />
      ) : (
        <List<ObjectionView>
          loading={objections.isPending}
          dataSource={objections.data ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={a('objections.empty')} />,
          }}
          renderItem={(objection) => (
            <List.Item
              data-testid={`objection-${objection.id}`}
              data-status={objection.status}
              actions={
                canDecide && objection.status === 'pending'
                  ? [
                      <Button key="decide" type="primary" size="small" onClick={() => setDeciding(objection)}>
                        {a('objections.decide')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <Tag
                    color={
                      objection.status === 'pending'
                        ? 'gold'
                        : objection.status === 'upheld'
                          ? 'red'
                          : 'default'
                    }
                    style={{ marginInlineEnd: 0 }}
                  >
                    {a(`objections.status.${objection.status}`)}
                  </Tag>
                  <Typography.Text strong>
                    {objection.awardId
                      ? a('objections.about', {
                          title: titles.get(objection.awardId) ?? `#${objection.awardId}`,
                        })
                      : a('objections.general')}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  {objection.text}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {objection.contactName} ·{' '}
                  <span data-testid="objection-phone">{objection.contactPhone}</span>
                  {objection.contactPhone.includes('*') ? `（${a('objections.masked')}）` : ''} ·{' '}
                  {a('objections.filedAt', { time: formatDateTime(objection.createdAt, lang, false) })}
                </Typography.Text>
                {objection.investigation && (
                  <Alert
                    type={objection.status === 'upheld' ? 'warning' : 'info'}
                    title={`${a('objections.investigation')}：${objection.investigation}`}
                    description={
                      objection.decidedAt ? formatDateTime(objection.decidedAt, lang, false) : undefined
                    }
                  />
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <DecideModal
        noticeId={noticeId}
        objection={deciding}
        title={deciding?.awardId ? titles.get(deciding.awardId) : undefined}
        onClose={() => setDeciding(null)}
        onDecided={setOutcome}
      />
    </Card>
  );
}
