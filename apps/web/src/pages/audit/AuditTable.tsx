import type { AuditEventView } from '@xiaoshi/contracts';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { auditActionText, auditEntityText } from './audit-labels';
import { formatDateTime } from '../../lib/time';
import { AuditDiff } from './AuditDiff';
import { auditText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

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
  const t = auditText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const columns: TableColumnsType<AuditEventView> = [
    { title: t('col.seq'), dataIndex: 'seq', width: 80 },
    {
      title: t('col.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (value: string) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(value, lang)}</span>
      ),
    },
    {
      title: t('col.actor'),
      key: 'actor',
      width: 150,
      ellipsis: true,
      render: (_, event) =>
        event.actorUsername ?? (
          <Typography.Text type="secondary">
            {event.action.startsWith('auth.') ? t('anonymous') : t('system')}
          </Typography.Text>
        ),
    },
    {
      title: t('col.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={actionColor(action)} title={action}>
          {auditActionText.label(action)}
        </Tag>
      ),
    },
    {
      title: t('col.entity'),
      key: 'entity',
      render: (_, event) => (
        <span>
          {auditEntityText.label(event.entityType)}
          {event.entityId && <Typography.Text type="secondary"> #{event.entityId}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('col.ip'),
      dataIndex: 'ip',
      width: 140,
      responsive: ['lg'],
      render: (ip: string | null) => ip ?? tc('none'),
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
      locale={{ emptyText: tc('empty') }}
    />
  );
}
