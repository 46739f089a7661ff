import type { ReviewSheetView } from '@xiaoshi/contracts';
import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Money } from '../../../components/Money';
import { attachmentTypeText } from '../../../i18n/enums';
import { applicationsText } from '../../applications/text';
import { reviewsText } from '../text';

/** The application as the reviewer sees it (names hidden on a blind review). */
export function MaterialCard({ application: a }: { application: ReviewSheetView['application'] }) {
  const t = reviewsText.useT();
  const tApplications = applicationsText.useT();
  return (
    <Card variant="borderless" title={t('sheet.material')}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'category', label: tApplications('field.category'), children: a.category },
          {
            key: 'unit',
            label: tApplications('field.community'),
            children: a.community && a.street ? `${a.community}（${a.street}）` : <Tag>{t('blind')}</Tag>,
          },
          { key: 'location', label: tApplications('field.location'), children: a.location },
          { key: 'dates', label: tApplications('field.dates'), children: `${a.startDate} — ${a.endDate}` },
          {
            key: 'beneficiaries',
            label: tApplications('field.beneficiariesCount'),
            children: `${a.beneficiariesCount} ${tApplications('people')}`,
          },
          { key: 'total', label: tApplications('costTotal'), children: <Money fen={a.totalCostFen} /> },
          {
            key: 'subsidy',
            label: tApplications('col.subsidy'),
            children: <Money fen={a.requestedSubsidyFen} strong />,
          },
          {
            key: 'beneficiariesDescription',
            label: tApplications('field.beneficiariesDescription'),
            children: a.beneficiariesDescription,
            span: 'filled',
          },
          { key: 'summary', label: tApplications('field.summary'), children: a.summary, span: 'filled' },
          {
            key: 'plan',
            label: tApplications('field.plan'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.plan}</span>,
            span: 'filled',
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {tApplications('section.costItems')}
      </Typography.Title>
      <Table
        rowKey={(_, index) => String(index)}
        size="small"
        pagination={false}
        dataSource={a.costItems}
        columns={[
          { title: tApplications('field.costItem'), dataIndex: 'item' },
          {
            title: tApplications('field.costAmount'),
            dataIndex: 'amount',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
        ]}
      />
      {a.attachments.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {tApplications('section.attachments')}
          </Typography.Title>
          <Flex vertical gap={4}>
            {a.attachments.map((file) => (
              <Typography.Text key={file.id}>
                {attachmentTypeText.label(file.type)}：{file.originalName}
              </Typography.Text>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
