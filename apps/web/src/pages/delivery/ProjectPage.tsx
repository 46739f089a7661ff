import {
  ArrowLeftOutlined,
  AuditOutlined,
  DownloadOutlined,
  FormOutlined,
  PayCircleOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { ProjectView } from '@xiaoshi/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Grid,
  Progress,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { deliveryApi } from '../../api/delivery';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { RequestPaymentModal } from '../payments/RequestPaymentModal';
import { AssignInspectorsModal } from './AssignInspectorsModal';
import { MilestonesModal } from './MilestonesModal';
import { ProgressReportDrawer } from './ProgressReportDrawer';
import {
  ProjectStatusTag,
  kindLabel,
  useInspections,
  useProject,
  useProjectPayments,
  useReports,
} from './shared';
import { deliveryText } from './i18n';
import { OPEN, StatusBanner } from './project/StatusBanner';
import { MoneyCard } from './project/MoneyCard';
import { ProjectTimeline } from './project/ProjectTimeline';
import { ReportsCard } from './project/ReportsCard';
import { MilestonesCard } from './project/MilestonesCard';
import { InspectionsCard } from './project/InspectionsCard';
import { RequestAcceptanceModal } from './project/RequestAcceptanceModal';

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
