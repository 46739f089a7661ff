import { Card, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import type { ProgressReportView } from '@xiaoshi/contracts';
import { formatDateTime } from '../../../lib/time';
import { ProjectPhoto } from '../shared';
import { deliveryText } from '../i18n';
import { useLang } from '../../../i18n/i18n';

export function ReportsCard({ reports, loading }: { reports?: ProgressReportView[]; loading: boolean }) {
  const d = deliveryText.useT();
  const lang = useLang();
  return (
    <Card variant="borderless" title={d('reports.title')}>
      <List<ProgressReportView>
        loading={loading}
        dataSource={reports ?? []}
        locale={{ emptyText: <Empty description={d('reports.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(report) => (
          <List.Item data-testid={`report-${report.id}`}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex gap={6} align="center">
                  <Typography.Text strong>{report.period}</Typography.Text>
                  {report.midterm && <Tag>{d('timeline.midterm')}</Tag>}
                </Flex>
                <Progress percent={report.percentComplete} size="small" style={{ width: 160, margin: 0 }} />
              </Flex>
              <Typography.Paragraph className="xs-dl-report" style={{ marginBottom: 0 }}>
                {report.text}
              </Typography.Paragraph>
              {report.photos.length > 0 && (
                <div className="xs-dl-photos">
                  {report.photos.map((photo) => (
                    <ProjectPhoto key={photo.id} id={photo.id} name={photo.name} size={88} />
                  ))}
                </div>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d('reports.by', {
                  author: report.author,
                  time: formatDateTime(report.createdAt, lang, false),
                })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
