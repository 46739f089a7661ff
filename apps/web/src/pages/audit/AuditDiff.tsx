import type { AuditEventView } from '@xiaoshi/contracts';
import { Col, Descriptions, Row, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('audit.noData')}</Typography.Text>;
  return <pre className="xs-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded row: before and after side by side, plus the request's trace. */
export function AuditDiff({ event }: { event: AuditEventView }) {
  const { t } = useI18n();
  return (
    <div style={{ padding: '4px 8px' }}>
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <Json value={event.before} />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
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
            label: t('common.requestId'),
            children: event.requestId ? (
              <Typography.Text copyable code>
                {event.requestId}
              </Typography.Text>
            ) : (
              t('common.none')
            ),
          },
          { key: 'ip', label: t('audit.col.ip'), children: event.ip ?? t('common.none') },
        ]}
      />
    </div>
  );
}
