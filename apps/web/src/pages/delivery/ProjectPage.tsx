import {
  ArrowLeftOutlined,
  AuditOutlined,
  CheckCircleTwoTone,
  DownloadOutlined,
  EditOutlined,
  FileDoneOutlined,
  FormOutlined,
  PayCircleOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { PaymentView, ProjectView } from '@xiaoshi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Progress,
  Row,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { deliveryApi, type InspectionView, type ProgressReportView } from '../../api/delivery';
import { useAuth, useSessionUser } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { percentOfBp, yuan } from '../../lib/money';
import { beijingDate, formatDateTime } from '../../lib/time';
import { RequestPaymentModal } from '../payments/RequestPaymentModal';
import { AssignInspectorsModal } from './AssignInspectorsModal';
import { type DeliveryKey, type DeliveryText } from './i18n';
import { MilestonesModal } from './MilestonesModal';
import { ProgressReportDrawer } from './ProgressReportDrawer';
import {
  OutcomeTag,
  PaymentStatusTag,
  ProjectPhoto,
  ProjectStatusTag,
  conditionLabel,
  kindLabel,
  openHtml,
  paidPerTranche,
  useDeliveryRefresh,
  useInspections,
  useProject,
  useProjectPayments,
  useReports,
} from './shared';
import { deliveryText } from './i18n';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

const OPEN = ['in_progress', 'acceptance_requested', 'inspecting', 'rectification'];

export default function ProjectPage() {
  const { id } = useParams();
  const project = useProject(Number(id));
  if (project.isError) return <QueryError error={project.error} onRetry={() => void project.refetch()} />;
  if (project.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <Detail project={project.data} />;
}

type Dialog = 'report' | 'assign' | 'milestones' | 'payment' | 'acceptance' | null;

function Detail({ project: p }: { project: ProjectView }) {
  const d = deliveryText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const reports = useReports(p.id);
  const inspections = useInspections(p.id);
  const payments = useProjectPayments(p.id, can('payments.read'));
  const open = OPEN.includes(p.status);
  const canReport = can('delivery.report') && open;
  const canRequestAcceptance = can('delivery.report') && ['in_progress', 'rectification'].includes(p.status);
  const canAssign = can('delivery.manage') && p.status === 'acceptance_requested';
  const canPay = can('payments.request') && p.money.availableFen > 0;
  const [dossierBusy, setDossierBusy] = useState(false);
  const wide = !!Grid.useBreakpoint().xl;

  const downloadDossier = async () => {
    setDossierBusy(true);
    try {
      saveFile(await deliveryApi.dossier(p.id), `项目台账-${p.id}.zip`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDossierBusy(false);
    }
  };

  const summary = (
    <Card variant="borderless" size="small">
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{d('project.percent')}</Typography.Text>
        <Progress percent={p.percentComplete} data-testid="project-percent" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.lastReportPeriod
            ? d('project.lastReport', { period: p.lastReportPeriod })
            : d('project.noReport')}
        </Typography.Text>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            label: d('projects.col.status'),
            children: (
              <Flex gap={4} wrap>
                <ProjectStatusTag status={p.status} />
                {p.overdue.noReportThisMonth && <Tag color="warning">{d('overdue.noReport')}</Tag>}
                {p.overdue.pastEndDate && <Tag color="error">{d('overdue.pastEnd')}</Tag>}
              </Flex>
            ),
          },
          {
            label: d('project.period'),
            children: p.startDate || p.endDate ? `${p.startDate ?? '…'} — ${p.endDate ?? '…'}` : '—',
          },
          { label: d('project.finalKind'), children: kindLabel(d, p.finalInspectionKind) },
          {
            label: d('project.application'),
            children: <Link to={`/applications/${p.applicationId}`}>{d('project.viewApplication')}</Link>,
          },
        ]}
      />
      {p.plan && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 4, expandable: true }}
          style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}
        >
          {p.plan}
        </Typography.Paragraph>
      )}
    </Card>
  );
  const money = <MoneyCard project={p} />;
  const timeline = (
    <Card variant="borderless" title={d('timeline.title')}>
      <ProjectTimeline
        project={p}
        reports={reports.data ?? []}
        inspections={inspections.data ?? []}
        payments={payments.data ?? []}
      />
    </Card>
  );
  const reportsCard = <ReportsCard reports={reports.data} loading={reports.isPending} />;
  const milestonesCard = (
    <MilestonesCard
      project={p}
      onEdit={can('delivery.report') && open ? () => setDialog('milestones') : undefined}
    />
  );
  const inspectionsCard = <InspectionsCard inspections={inspections.data} loading={inspections.isPending} />;

  return (
    <>
      <Link to="/projects" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {d('project.back')}
      </Link>
      <PageHeader
        title={p.title}
        subtitle={`${p.community.name}（${p.street.name}） · ${p.category.name} · ${p.competition.title}`}
        extra={
          <>
            {canReport && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => setDialog('report')}>
                {d('project.report')}
              </Button>
            )}
            {canRequestAcceptance && (
              <Button icon={<SendOutlined />} onClick={() => setDialog('acceptance')}>
                {p.finalInspectionKind === 'supervision'
                  ? d('project.requestSupervision')
                  : d('project.requestAcceptance')}
              </Button>
            )}
            {canAssign && (
              <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('assign')}>
                {d('project.assign')}
              </Button>
            )}
            {canPay && (
              <Button icon={<PayCircleOutlined />} onClick={() => setDialog('payment')}>
                {d('project.requestPayment')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={dossierBusy} onClick={() => void downloadDossier()}>
              {d('project.dossier')}
            </Button>
          </>
        }
      />
      <StatusBanner project={p} />
      {wide ? (
        <Row gutter={[16, 16]}>
          <Col span={16}>
            <Flex vertical gap={16}>
              {money}
              {timeline}
              {reportsCard}
            </Flex>
          </Col>
          <Col span={8}>
            <Flex vertical gap={16}>
              {summary}
              {milestonesCard}
              {inspectionsCard}
            </Flex>
          </Col>
        </Row>
      ) : (
        // Tablets and phones: where the project stands first, then the money and what happened.
        <Flex vertical gap={16}>
          {summary}
          {money}
          {inspectionsCard}
          {timeline}
          {milestonesCard}
          {reportsCard}
        </Flex>
      )}
      <ProgressReportDrawer project={p} open={dialog === 'report'} onClose={() => setDialog(null)} />
      <AssignInspectorsModal project={p} open={dialog === 'assign'} onClose={() => setDialog(null)} />
      <MilestonesModal project={p} open={dialog === 'milestones'} onClose={() => setDialog(null)} />
      <RequestPaymentModal project={p} open={dialog === 'payment'} onClose={() => setDialog(null)} />
      <RequestAcceptanceModal project={p} open={dialog === 'acceptance'} onClose={() => setDialog(null)} />
    </>
  );
}

function StatusBanner({ project: p }: { project: ProjectView }) {
  const d = deliveryText.useT();
  if (p.status === 'rectification' && p.rectificationDeadline)
    return (
      <Alert
        type="warning"
        showIcon
        title={d('project.rectificationDeadline', { date: p.rectificationDeadline })}
        style={{ marginBottom: 16 }}
      />
    );
  if (p.status === 'acceptance_requested')
    return (
      <Alert type="info" showIcon title={d('project.acceptanceRequested')} style={{ marginBottom: 16 }} />
    );
  return null;
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="xs-dl-figure">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <span className="xs-dl-figure-value">{children}</span>
    </div>
  );
}

function MoneyCard({ project: p }: { project: ProjectView }) {
  const d = deliveryText.useT();
  const paid = paidPerTranche(p);
  return (
    <Card variant="borderless" title={d('project.money')}>
      <div className="xs-dl-figures" style={{ marginBottom: 16 }} data-testid="project-money">
        <Figure label={d('project.amount')}>
          <Money fen={p.amountFen} showWan stacked />
        </Figure>
        <Figure label={d('project.released')}>
          <Money fen={p.money.releasedFen} />
        </Figure>
        <Figure label={d('project.requested')}>
          <Money fen={p.money.requestedFen} />
        </Figure>
        <Figure label={d('project.paid')}>
          <Money fen={p.money.paidFen} type={p.money.paidFen > 0 ? 'success' : undefined} />
        </Figure>
        <Figure label={d('project.available')}>
          <Money fen={p.money.availableFen} />
        </Figure>
      </div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {d('tranches.title')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={p.tranches}
        scroll={{ x: 560 }}
        onRow={(tranche) =>
          ({ 'data-testid': `tranche-${tranche.index}` }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: d('tranches.col.index'),
            key: 'index',
            width: 80,
            render: (_, tranche) => d('tranches.index', { n: tranche.index + 1 }),
          },
          {
            title: d('tranches.col.condition'),
            key: 'condition',
            render: (_, tranche) => conditionLabel(d, tranche.condition, tranche.conditionLabel),
          },
          {
            title: d('tranches.col.share'),
            key: 'share',
            width: 70,
            align: 'right',
            render: (_, tranche) => percentOfBp(tranche.percentBp),
          },
          {
            title: d('tranches.col.amount'),
            key: 'amount',
            align: 'right',
            render: (_, tranche) => <Money fen={tranche.amountFen} />,
          },
          {
            title: d('tranches.col.state'),
            key: 'state',
            width: 170,
            render: (_, tranche) => {
              const done = paid[tranche.index];
              if (done >= tranche.amountFen && tranche.amountFen > 0)
                return (
                  <Tag color="success" data-tranche-state="paid">
                    {d('tranches.paid')}
                  </Tag>
                );
              return (
                <Flex gap={4} wrap>
                  <Tag
                    color={tranche.released ? 'processing' : 'default'}
                    data-tranche-state={tranche.released ? 'released' : 'locked'}
                  >
                    {tranche.released ? d('tranches.released') : d('tranches.locked')}
                  </Tag>
                  {done > 0 && <Tag>{d('tranches.partPaid', { amount: yuan(done) })}</Tag>}
                </Flex>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

interface Event {
  at: number;
  color: string;
  content: ReactNode;
  key: string;
}

function paymentEvents(payment: PaymentView, d: DeliveryText, lang: 'zh' | 'en'): Event[] {
  const events: Event[] = [
    {
      key: `pay-${payment.id}`,
      at: Date.parse(payment.requestedAt),
      color: 'gray',
      content: (
        <Flex vertical>
          <Typography.Text>
            {d('timeline.payment', { id: payment.id, amount: yuan(payment.amountFen) })}
            {(payment.status === 'rejected' || payment.status === 'requested') && (
              <span style={{ marginInlineStart: 6 }}>
                <PaymentStatusTag status={payment.status} />
              </span>
            )}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {payment.purpose} · {payment.requestedBy.name} ·{' '}
            {formatDateTime(payment.requestedAt, lang, false)}
            {payment.rejectedReason ? ` · ${payment.rejectedReason}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  if (payment.approvedAt && payment.approvedBy)
    events.push({
      key: `approved-${payment.id}`,
      at: Date.parse(payment.approvedAt),
      color: 'blue',
      content: (
        <Flex vertical>
          <Typography.Text>
            {d('timeline.approvedPayment', { id: payment.id, name: payment.approvedBy.name })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(payment.approvedAt, lang, false)}
          </Typography.Text>
        </Flex>
      ),
    });
  if (payment.recordedAt)
    events.push({
      key: `paid-${payment.id}`,
      at: Date.parse(payment.recordedAt),
      color: 'green',
      content: (
        <Flex vertical>
          <Typography.Text strong>
            {d('timeline.paid', {
              id: payment.id,
              amount: yuan(payment.amountFen),
              voucher: payment.voucherNo ?? '',
            })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {payment.paidOn}
          </Typography.Text>
        </Flex>
      ),
    });
  if (payment.reversedAt)
    events.push({
      key: `rev-${payment.id}`,
      at: Date.parse(payment.reversedAt),
      color: 'red',
      content: d('timeline.reversed', { id: payment.id, reason: payment.reversedReason ?? '' }),
    });
  return events;
}

/** Approval, tranches paid, progress reports, inspections and payments, in order. */
function ProjectTimeline({
  project: p,
  reports,
  inspections,
  payments,
}: {
  project: ProjectView;
  reports: ProgressReportView[];
  inspections: InspectionView[];
  payments: PaymentView[];
}) {
  const d = deliveryText.useT();
  const lang = useLang();
  const events: Event[] = [
    ...reports.map((report) => ({
      key: `report-${report.id}`,
      at: Date.parse(report.createdAt),
      color: 'blue',
      content: (
        <Flex vertical>
          <Typography.Text>
            {d('timeline.report', { period: report.period, percent: report.percentComplete })}
            {report.midterm && <Tag style={{ marginInlineStart: 6 }}>{d('timeline.midterm')}</Tag>}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {report.author} · {formatDateTime(report.createdAt, lang, false)}
          </Typography.Text>
        </Flex>
      ),
    })),
    ...inspections.flatMap((inspection) => {
      const kind = kindLabel(d, inspection.kind);
      const recordedAt = inspection.recordedAt ? Date.parse(inspection.recordedAt) : null;
      const list: Event[] = [
        {
          key: `assign-${inspection.id}`,
          // The round was assigned before it was recorded; an open round sits at the end.
          at: recordedAt !== null ? recordedAt - 1 : Number.MAX_SAFE_INTEGER - 1,
          color: 'purple',
          content: d('timeline.assigned', {
            round: inspection.round,
            kind,
            names: inspection.inspectors.map((i) => i.name).join('、'),
          }),
        },
      ];
      if (recordedAt !== null && inspection.outcome)
        list.push({
          key: `record-${inspection.id}`,
          at: recordedAt,
          color:
            inspection.outcome === 'passed'
              ? 'green'
              : inspection.outcome === 'rectification'
                ? 'orange'
                : 'red',
          content: (
            <Flex vertical>
              <Typography.Text strong>
                {d('timeline.recorded', {
                  round: inspection.round,
                  kind,
                  outcome: d(`outcome.${inspection.outcome}`),
                })}
              </Typography.Text>
              {inspection.findings && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {inspection.findings}
                </Typography.Text>
              )}
            </Flex>
          ),
        });
      return list;
    }),
    ...payments.flatMap((payment) => paymentEvents(payment, d, lang)),
  ].sort((a, b) => a.at - b.at);

  return (
    <div data-testid="project-timeline">
      <Timeline
        className="xs-dl-timeline"
        items={[
          {
            key: 'approved',
            color: 'green',
            icon: <CheckCircleTwoTone twoToneColor="#16a34a" />,
            content: (
              <Flex vertical>
                <Typography.Text strong>
                  {d('timeline.approved', { amount: yuan(p.amountFen) })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.tranches
                    .map(
                      (tranche) =>
                        `${percentOfBp(tranche.percentBp)} ${conditionLabel(d, tranche.condition, tranche.conditionLabel)}`,
                    )
                    .join('；')}
                </Typography.Text>
              </Flex>
            ),
          },
          ...events.map((event) => ({ key: event.key, color: event.color, content: event.content })),
          {
            key: 'now',
            color: 'gray',
            loading: OPEN.includes(p.status),
            content: (
              <Typography.Text type="secondary">
                {d('timeline.now', { status: d(`status.${p.status}` as DeliveryKey) })}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}

function ReportsCard({ reports, loading }: { reports?: ProgressReportView[]; loading: boolean }) {
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

function MilestonesCard({ project: p, onEdit }: { project: ProjectView; onEdit?: () => void }) {
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

function InspectionsCard({ inspections, loading }: { inspections?: InspectionView[]; loading: boolean }) {
  const d = deliveryText.useT();
  const user = useSessionUser();
  const { message } = App.useApp();
  const certificate = async (id: number) => {
    try {
      if (!(await openHtml(() => deliveryApi.certificate(id)))) void message.info(d('payments.popupBlocked'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Card variant="borderless" size="small" title={d('inspections.title')}>
      <List<InspectionView>
        loading={loading}
        dataSource={[...(inspections ?? [])].reverse()}
        locale={{ emptyText: <Typography.Text type="secondary">{d('inspections.none')}</Typography.Text> }}
        renderItem={(inspection) => {
          const mine = inspection.inspectors.some((i) => i.id === user.id);
          return (
            <List.Item style={{ paddingInline: 0 }} data-testid={`inspection-${inspection.id}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>
                    {d('projects.inspectionRound', {
                      round: inspection.round,
                      kind: kindLabel(d, inspection.kind),
                    })}
                  </Typography.Text>
                  <OutcomeTag outcome={inspection.outcome} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d('inspections.inspectors', {
                    names: inspection.inspectors.map((i) => i.name).join('、'),
                  })}
                  {inspection.inspectedOn ? ` · ${inspection.inspectedOn}` : ''}
                </Typography.Text>
                {inspection.findings && (
                  <Typography.Text style={{ fontSize: 13 }}>{inspection.findings}</Typography.Text>
                )}
                <Flex gap={8} wrap>
                  {inspection.status === 'assigned' && mine ? (
                    <Link to={`/inspections/${inspection.id}`}>
                      <Button type="primary" size="small" icon={<FormOutlined />}>
                        {d('inspections.open')}
                      </Button>
                    </Link>
                  ) : (
                    <Link to={`/inspections/${inspection.id}`}>{d('inspections.view')}</Link>
                  )}
                  {inspection.outcome === 'passed' && (
                    <Button
                      size="small"
                      icon={<FileDoneOutlined />}
                      onClick={() => void certificate(inspection.id)}
                    >
                      {d('inspections.certificate')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function RequestAcceptanceModal({
  project: p,
  open,
  onClose,
}: {
  project: ProjectView;
  open: boolean;
  onClose: () => void;
}) {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const refresh = useDeliveryRefresh();
  const [form] = Form.useForm<{ note?: string }>();
  const kind = kindLabel(d, p.finalInspectionKind);
  const request = useMutation({
    mutationFn: (note?: string) => deliveryApi.requestAcceptance(p.id, note?.trim() || undefined),
    onSuccess: async () => {
      void message.success(d('project.acceptanceRequested'));
      await refresh();
      onClose();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Modal
      open={open}
      title={
        p.finalInspectionKind === 'supervision'
          ? d('project.requestSupervision')
          : d('project.requestAcceptance')
      }
      okText={t('confirm')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={request.isPending}
      okButtonProps={{ id: 'acceptance-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {d('project.requestAcceptanceConfirm', { title: p.title, kind })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => request.mutate(values.note)}>
        <Form.Item name="note" label={d('project.requestAcceptanceNote')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
