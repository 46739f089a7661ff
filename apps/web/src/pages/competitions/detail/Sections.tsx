import { LockOutlined } from '@ant-design/icons';
import type { CompetitionView } from '@xiaoshi/contracts';
import { Card, Descriptions, Empty, Flex, Steps, Table, Tag, Typography } from 'antd';
import { Money } from '../../../components/Money';
import { attachmentTypeText, fundingSourceText, trancheConditionText } from '../../../i18n/enums';
import { percentOfBp } from '../../../lib/money';
import { formatDateTime } from '../../../lib/time';
import { CompetitionStatusTag } from '../CompetitionStatusTag';
import { competitionsText } from '../text';
import { commonText } from '../../../i18n/common';
import { budgetsText } from '../../budgets/text';
import { useLang } from '../../../i18n/i18n';

export function Overview({ competition: c }: { competition: CompetitionView }) {
  const t = competitionsText.useT();
  const tc = commonText.useT();
  const tBudgets = budgetsText.useT();
  return (
    <Card variant="borderless" title={t('overview')} style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'status',
            label: t('col.status'),
            children: <CompetitionStatusTag competition={c} />,
          },
          { key: 'year', label: tBudgets('field.year'), children: c.programmeYear },
          {
            key: 'envelope',
            label: t('field.envelope'),
            children: <Money fen={c.envelopeFen} showWan strong />,
          },
          { key: 'line', label: t('field.budgetLine'), children: c.budgetLineName },
          {
            key: 'perStreet',
            label: t('field.perStreet'),
            children:
              c.maxPerStreet === null
                ? t('minOnly', { min: c.minPerStreet })
                : t('minMax', { min: c.minPerStreet, max: c.maxPerStreet }),
          },
          {
            key: 'awards',
            label: t('field.awards'),
            children: t('awardRange', { min: c.awardMin, max: c.awardMax }),
          },
          {
            key: 'notice',
            label: t('field.noticeWorkingDays'),
            children: t('workingDays', { count: c.noticeWorkingDays }),
          },
          {
            key: 'reviewers',
            label: t('field.reviewersPerApplication'),
            children: t('people', { count: c.reviewersPerApplication }),
          },
          {
            key: 'reminder',
            label: t('field.reminderDaysBeforeClose'),
            children: t('days', { count: c.reminderDaysBeforeClose }),
          },
          {
            key: 'partner',
            label: t('field.requiresPartner'),
            children: c.requiresPartner ? tc('yes') : tc('no'),
          },
        ]}
      />
      {c.description && (
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}
        >
          {c.description}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function Windows({ competition: c }: { competition: CompetitionView }) {
  const t = competitionsText.useT();
  const lang = useLang();
  const now = Date.now();
  const moments = [
    { key: 'opens', title: t('window.submissionOpens'), at: c.submissionOpensAt },
    { key: 'closes', title: t('window.submissionCloses'), at: c.submissionClosesAt },
    { key: 'reviewOpens', title: t('window.reviewOpens'), at: c.reviewOpensAt },
    { key: 'reviewCloses', title: t('window.reviewCloses'), at: c.reviewClosesAt },
    {
      key: 'deadline',
      title: t('window.implementationDeadline'),
      at: `${c.implementationDeadline}T23:59:59+08:00`,
    },
  ];
  const current = moments.filter((moment) => new Date(moment.at).getTime() <= now).length;
  return (
    <Card variant="borderless" title={t('windows')} style={{ height: '100%' }}>
      <Steps
        orientation="vertical"
        size="small"
        current={current}
        items={moments.map((moment) => ({
          title: moment.title,
          content:
            moment.key === 'deadline' ? c.implementationDeadline : formatDateTime(moment.at, lang, false),
        }))}
      />
    </Card>
  );
}

export function Categories({ competition: c }: { competition: CompetitionView }) {
  const t = competitionsText.useT();
  return (
    <Card variant="borderless" title={t('categories')} style={{ height: '100%' }}>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={c.categories}
        columns={[
          { title: t('field.categoryName'), dataIndex: 'name' },
          {
            title: t('field.categoryKey'),
            dataIndex: 'key',
            width: 120,
            render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
          },
          {
            title: t('field.cap'),
            dataIndex: 'capFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} showWan stacked />,
          },
        ]}
      />
    </Card>
  );
}

export function Rules({ competition: c }: { competition: CompetitionView }) {
  const t = competitionsText.useT();
  return (
    <Card variant="borderless" title={t('rules')} style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'sources',
            label: t('field.requiredSources'),
            children: c.requiredSources.length ? (
              <Flex gap={4} wrap>
                {c.requiredSources.map((source) => (
                  <Tag key={source} color="blue">
                    {fundingSourceText.label(source)}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t('noneRequired')
            ),
          },
          {
            key: 'cofunding',
            label: t('field.minCoFundingShare'),
            children: c.minCoFundingShareBp ? percentOfBp(c.minCoFundingShareBp) : t('noMinimum'),
          },
          {
            key: 'attachments',
            label: t('field.requiredAttachmentTypes'),
            children: c.requiredAttachmentTypes.length ? (
              <Flex gap={4} wrap>
                {c.requiredAttachmentTypes.map((type) => (
                  <Tag key={type} color="purple">
                    {attachmentTypeText.label(type)}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t('noneRequired')
            ),
          },
        ]}
      />
    </Card>
  );
}

export function Rubric({ competition: c }: { competition: CompetitionView }) {
  const t = competitionsText.useT();
  const sum = c.rubric.reduce((total, criterion) => total + criterion.maxPoints, 0);
  return (
    <Card
      variant="borderless"
      title={t('rubric')}
      extra={
        c.rubricLocked && (
          <Tag icon={<LockOutlined />} color="default">
            {t('rubricLocked')}
          </Tag>
        )
      }
      style={{ height: '100%' }}
    >
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={c.rubric}
        columns={[
          { title: t('field.criterion'), dataIndex: 'name' },
          { title: t('field.maxPoints'), dataIndex: 'maxPoints', align: 'right', width: 100 },
        ]}
        summary={() => (
          <Table.Summary.Row className="xs-summary-row">
            <Table.Summary.Cell index={0}>{t('rubricTotal')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {sum}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

export function Tranches({ competition: c }: { competition: CompetitionView }) {
  const t = competitionsText.useT();
  return (
    <Card variant="borderless" title={t('tranches')} style={{ height: '100%' }}>
      {c.tranchePlan.length === 0 ? (
        <Empty />
      ) : (
        <Steps
          size="small"
          current={-1}
          items={c.tranchePlan.map((tranche, index) => ({
            title: percentOfBp(tranche.percentBp),
            content: trancheConditionText.label(tranche.condition),
            subTitle: t('trancheNo', { n: index + 1 }),
          }))}
        />
      )}
    </Card>
  );
}
