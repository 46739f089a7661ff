import type { ApplicationView, CompetitionView } from '@xiaoshi/contracts';
import { FUNDING_SOURCES } from '@xiaoshi/domain';
import { Alert, Card, Col, Descriptions, Flex, Grid, Row, Skeleton, Table, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { ApplicationStatusTag } from '../../components/ApplicationStatusTag';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { applicationHistoryText, applicationStatusText, fundingSourceText } from '../../i18n/enums';
import { percentOfBp } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { useCompetition } from '../competitions/useCompetitions';
import { ApplicationActions } from './ApplicationActions';
import { AttachmentsPanel } from './AttachmentsPanel';
import { SubmissionChecklist } from './SubmissionChecklist';
import { useApplication, useApplicationRefresh } from './useApplication';
import { applicationsText } from './text';
import { useLang } from '../../i18n/i18n';

/** Statuses in which the street (or community) still has to act before the district sees it. */
const BEFORE_DISTRICT = ['draft', 'awaiting_street', 'returned'];

export default function ApplicationDetailPage() {
  const { id } = useParams();
  const application = useApplication(Number(id));
  const competition = useCompetition(application.data?.competitionId);
  if (application.isError)
    return <QueryError error={application.error} onRetry={() => void application.refetch()} />;
  if (application.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <Detail application={application.data} competition={competition.data} />;
}

function Detail({
  application: a,
  competition,
}: {
  application: ApplicationView;
  competition?: CompetitionView;
}) {
  const t = applicationsText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const refresh = useApplicationRefresh();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.xl;
  const checklist = competition &&
    BEFORE_DISTRICT.includes(a.status) &&
    (can('applications.submit') || can('applications.edit')) && (
      <Card variant="borderless" size="small">
        <SubmissionChecklist application={a} competition={competition} />
      </Card>
    );
  const reasonTone =
    a.status === 'ineligible' ? 'error' : a.status === 'returned' || a.status === 'draft' ? 'warning' : null;
  const showReason =
    !!a.lastReason &&
    reasonTone !== null &&
    (a.status !== 'draft' || a.history.at(-1)?.action === 'return_to_community');

  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={`${competition?.title ?? ''} · ${a.category.name} · ${a.community.name}（${a.street.name}）`}
        extra={<ApplicationActions application={a} />}
      />
      <Flex gap={8} align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('col.status')}</Typography.Text>
        <ApplicationStatusTag status={a.status} />
        {a.submittedAt && (
          <Typography.Text type="secondary">
            {t('submittedOn', { time: formatDateTime(a.submittedAt, lang, false) })}
          </Typography.Text>
        )}
      </Flex>
      {showReason && (
        <Alert
          type={reasonTone}
          showIcon
          className="xs-reason-alert"
          data-testid="last-reason"
          title={
            a.status === 'ineligible' ? t('ineligibleReason') : t('returnedReason')
          }
          description={<span style={{ fontSize: 15, whiteSpace: 'pre-wrap' }}>{a.lastReason}</span>}
          style={{ marginBottom: 16 }}
        />
      )}
      {!wide && checklist && <div style={{ marginBottom: 16 }}>{checklist}</div>}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t('section.basics')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'category', label: t('field.category'), children: a.category.name },
                  {
                    key: 'unit',
                    label: t('field.community'),
                    children: `${a.community.name}（${a.street.name}）`,
                  },
                  ...(a.partnerOrg
                    ? [
                        {
                          key: 'partner',
                          label: t('field.partner'),
                          children: a.partnerOrg.name,
                        },
                      ]
                    : []),
                  { key: 'location', label: t('field.location'), children: a.location },
                  {
                    key: 'dates',
                    label: t('field.dates'),
                    children: `${a.startDate} — ${a.endDate}`,
                  },
                  {
                    key: 'beneficiaries',
                    label: t('field.beneficiariesCount'),
                    children: `${a.beneficiariesCount} ${t('people')}`,
                  },
                  {
                    key: 'contact',
                    label: t('field.contact'),
                    children: `${a.contactName} ${a.contactPhone}`,
                  },
                  {
                    key: 'beneficiariesDescription',
                    label: t('field.beneficiariesDescription'),
                    children: a.beneficiariesDescription,
                    span: 'filled',
                  },
                  {
                    key: 'summary',
                    label: t('field.summary'),
                    children: a.summary,
                    span: 'filled',
                  },
                  {
                    key: 'plan',
                    label: t('field.plan'),
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.plan}</span>,
                    span: 'filled',
                  },
                ]}
              />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card
                  variant="borderless"
                  title={t('section.costItems')}
                  style={{ height: '100%' }}
                >
                  <Table
                    rowKey={(_, index) => String(index)}
                    size="small"
                    pagination={false}
                    dataSource={a.costItems}
                    columns={[
                      { title: t('field.costItem'), dataIndex: 'item' },
                      {
                        title: t('field.costAmount'),
                        dataIndex: 'amount',
                        align: 'right',
                        render: (fen: number) => <Money fen={fen} />,
                      },
                    ]}
                    summary={() => (
                      <Table.Summary.Row className="xs-summary-row">
                        <Table.Summary.Cell index={0}>{t('costTotal')}</Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          <Money fen={a.totalCostFen} showWan stacked strong />
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card
                  variant="borderless"
                  title={t('section.funding')}
                  style={{ height: '100%' }}
                >
                  <Table
                    rowKey="source"
                    size="small"
                    pagination={false}
                    dataSource={FUNDING_SOURCES.map((source) => ({ source, amount: a.funding[source] }))}
                    columns={[
                      {
                        title: t('fundingSource'),
                        dataIndex: 'source',
                        render: (source: string) =>
                          source === 'requestedSubsidy' ? (
                            <Typography.Text strong>{fundingSourceText.label(source)}</Typography.Text>
                          ) : (
                            fundingSourceText.label(source)
                          ),
                      },
                      {
                        title: t('field.costAmount'),
                        dataIndex: 'amount',
                        align: 'right',
                        render: (fen: number) => <Money fen={fen} />,
                      },
                      {
                        title: t('share'),
                        key: 'share',
                        align: 'right',
                        width: 80,
                        render: (_, row) =>
                          a.totalCostFen > 0
                            ? percentOfBp(Math.round((row.amount * 10000) / a.totalCostFen))
                            : '—',
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <Card variant="borderless" title={t('section.attachments')}>
              <AttachmentsPanel
                application={a}
                requiredTypes={competition?.requiredAttachmentTypes ?? []}
                editable={a.editable}
                onChanged={() => refresh()}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {wide && checklist}
            <Card variant="borderless" title={t('history')}>
              <History application={a} />
            </Card>
            {competition && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Link to={`/competitions/${competition.id}`}>{t('viewCompetition')}</Link>
              </Typography.Text>
            )}
          </Flex>
        </Col>
      </Row>
    </>
  );
}

const BACKWARD = new Set(['return_to_community', 'screen_return', 'screen_ineligible', 'withdraw']);

function History({ application }: { application: ApplicationView }) {
  const t = applicationsText.useT();
  const lang = useLang();
  const items = [...application.history].reverse();
  return (
    <Timeline
      data-testid="history"
      items={items.map((entry) => ({
        color: BACKWARD.has(entry.action)
          ? entry.action === 'screen_ineligible'
            ? 'red'
            : 'orange'
          : entry.action === 'screen_eligible'
            ? 'green'
            : 'blue',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{applicationHistoryText.label(entry.action)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(entry.at, lang, false)}
              {entry.actor ? ` · ${entry.actor}` : ''}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }}>
              {entry.fromStatus
                ? `${applicationStatusText.label(entry.fromStatus)} → ${applicationStatusText.label(entry.toStatus)}`
                : applicationStatusText.label(entry.toStatus)}
            </Typography.Text>
            {entry.reason && (
              <Typography.Text className="xs-history-reason" style={{ fontSize: 13 }}>
                {t('reasonPrefix')}
                {entry.reason}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  );
}
