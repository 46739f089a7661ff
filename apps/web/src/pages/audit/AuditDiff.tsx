import type { AuditEventView } from '@xiaoshi/contracts';
import { Col, Descriptions, Row, Typography } from 'antd';
import { auditText } from './text';
import { commonText } from '../../i18n/common';

function Json({ value }: { value: unknown }) {
  const t = auditText.useT();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('noData')}</Typography.Text>;
  return <pre className="xs-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded row: before and after side by side, plus the request's trace. */
export function AuditDiff({ event }: { event: AuditEventView }) {
  const t = auditText.useT();
  const tc = commonText.useT();
  return (
    <div style={{ padding: '4px 8px' }}>
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t('before')}</Typography.Text>
          <Json value={event.before} />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t('after')}</Typography.Text>
          <Json value={event.after} />
        </Col>
      </Row>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'request',
            label: tc('requestId'),
            children: event.requestId ? (
              <Typography.Text copyable code>
                {event.requestId}
              </Typography.Text>
            ) : (
              tc('none')
            ),
          },
          { key: 'ip', label: t('col.ip'), children: event.ip ?? tc('none') },
        ]}
      />
    </div>
  );
}
