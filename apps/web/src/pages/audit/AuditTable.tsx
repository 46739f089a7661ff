import type { AuditEventView } from '@xiaoshi/contracts';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { actionLabel, entityTypeLabel } from '../../i18n/labels';
import { formatDateTime } from '../../lib/time';
import { AuditDiff } from './AuditDiff';

function actionColor(action: string): string | undefined {
  if (action.includes('failed') || action.includes('locked') || action.includes('reuse')) return 'error';
  if (action.endsWith('.create')) return 'success';
  if (action.endsWith('.update') || action.includes('password')) return 'processing';
  return undefined;
}

interface Props {
  events: AuditEventView[];
  loading: boolean;
}

export function AuditTable({ events, loading }: Props) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<AuditEventView> = [
    { title: t('audit.col.seq'), dataIndex: 'seq', width: 80 },
    {
      title: t('audit.col.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (value: string) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(value, lang)}</span>
      ),
    },
    {
      title: t('audit.col.actor'),
      key: 'actor',
      width: 150,
      ellipsis: true,
      render: (_, event) =>
        event.actorUsername ?? (
          <Typography.Text type="secondary">
            {event.action.startsWith('auth.') ? t('audit.anonymous') : t('audit.system')}
          </Typography.Text>
        ),
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={actionColor(action)} title={action}>
          {actionLabel(action, t)}
        </Tag>
      ),
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      render: (_, event) => (
        <span>
          {entityTypeLabel(event.entityType, t)}
          {event.entityId && <Typography.Text type="secondary"> #{event.entityId}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('audit.col.ip'),
      dataIndex: 'ip',
      width: 140,
      responsive: ['lg'],
      render: (ip: string | null) => ip ?? t('common.none'),
    },
  ];

  return (
    <Table<AuditEventView>
      rowKey="seq"
      size="middle"
      columns={columns}
      dataSource={events}
      loading={loading}
      pagination={false}
      scroll={{ x: 820 }}
      expandable={{ expandedRowRender: (event) => <AuditDiff event={event} /> }}
      locale={{ emptyText: t('common.empty') }}
    />
  );
}
