import {
  CloseCircleOutlined,
  EditOutlined,
  FileAddOutlined,
  LockOutlined,
  SendOutlined,
  SolutionOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompetitionView } from '@xiaoshi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Skeleton,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useNavigate, useParams } from 'react-router';
import { competitionsApi } from '../../api/pipeline';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import {
  attachmentTypeLabel,
  competitionKindLabel,
  fundingSourceLabel,
  trancheConditionLabel,
} from '../../i18n/pipelineLabels';
import { errorMessage } from '../../lib/errors';
import { percentOfBp } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { CompetitionStatusTag } from './CompetitionStatusTag';
import { StreetProgressBoard } from './StreetProgressBoard';
import { useCompetition } from './useCompetitions';

export default function CompetitionDetailPage() {
  const { id } = useParams();
  const competitionId = Number(id);
  const { t } = useI18n();
  const competition = useCompetition(competitionId);

  if (competition.isError)
    return <QueryError error={competition.error} onRetry={() => void competition.refetch()} />;
  if (competition.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const c = competition.data;
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={`${competitionKindLabel(c.kind, t)} · ${c.budgetLineName}`}
        extra={<CompetitionActions competition={c} />}
      />
      {c.status === 'draft' && (
        <Alert type="info" showIcon title={t('competitions.draftHint')} style={{ marginBottom: 16 }} />
      )}
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Overview competition={c} />
          </Col>
          <Col xs={24} xl={10}>
            <Windows competition={c} />
          </Col>
        </Row>
        {c.status !== 'draft' && (
          <Card variant="borderless" title={t('streetProgress.title')}>
            <StreetProgressBoard competitionId={c.id} />
          </Card>
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Categories competition={c} />
          </Col>
          <Col xs={24} md={12}>
            <Rules competition={c} />
          </Col>
          <Col xs={24} md={12}>
            <Rubric competition={c} />
          </Col>
          <Col xs={24} md={12}>
            <Tranches competition={c} />
          </Col>
        </Row>
      </Flex>
    </>
  );
}

function CompetitionActions({ competition: c }: { competition: CompetitionView }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setStatus = useMutation({
    mutationFn: (action: 'publish' | 'close' | 'cancel') => competitionsApi.setStatus(c.id, action),
    onSuccess: (saved) => {
      queryClient.setQueryData(['competitions', 'detail', c.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['competitions'] });
      void queryClient.invalidateQueries({ queryKey: ['budgets'] });
    },
  });
  const run = async (action: 'publish' | 'close' | 'cancel') => {
    try {
      await setStatus.mutateAsync(action);
      message.success(t(`competitions.done.${action}`));
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  const manage = can('competitions.manage');
  const live = c.status === 'draft' || c.status === 'published';
  return (
    <>
      <Button
        icon={<UnorderedListOutlined />}
        onClick={() => void navigate(`/applications?competitionId=${c.id}`)}
      >
        {t('competitions.viewApplications')}
      </Button>
      {can('applications.edit') && c.status === 'published' && c.windowOpen && (
        <Button
          icon={<FileAddOutlined />}
          onClick={() => void navigate(`/applications/new?competitionId=${c.id}`)}
        >
          {t('applications.create')}
        </Button>
      )}
      {can('reviews.read') && c.status !== 'draft' && (
        <Button
          icon={<SolutionOutlined />}
          onClick={() => void navigate(`/review-admin?competition=${c.id}`)}
        >
          {t('competitions.reviewAdmin')}
        </Button>
      )}
      {manage && live && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/competitions/${c.id}/edit`)}>
          {t('common.edit')}
        </Button>
      )}
      {manage && c.status === 'draft' && (
        <Popconfirm
          title={t('competitions.publishConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('publish')}
        >
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={setStatus.isPending && setStatus.variables === 'publish'}
          >
            {t('competitions.publish')}
          </Button>
        </Popconfirm>
      )}
      {manage && c.status === 'published' && (
        <Popconfirm
          title={t('competitions.closeConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('close')}
        >
          <Button icon={<StopOutlined />} loading={setStatus.isPending && setStatus.variables === 'close'}>
            {t('competitions.close')}
          </Button>
        </Popconfirm>
      )}
      {manage && live && (
        <Popconfirm
          title={t('competitions.cancelConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => run('cancel')}
        >
          <Button
            danger
            icon={<CloseCircleOutlined />}
            loading={setStatus.isPending && setStatus.variables === 'cancel'}
          >
            {t('competitions.cancel')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

function Overview({ competition: c }: { competition: CompetitionView }) {
  const { t } = useI18n();
  return (
    <Card variant="borderless" title={t('competitions.overview')} style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'status',
            label: t('competitions.col.status'),
            children: <CompetitionStatusTag competition={c} />,
          },
          { key: 'year', label: t('budgets.field.year'), children: c.programmeYear },
          {
            key: 'envelope',
            label: t('competitions.field.envelope'),
            children: <Money fen={c.envelopeFen} showWan strong />,
          },
          { key: 'line', label: t('competitions.field.budgetLine'), children: c.budgetLineName },
          {
            key: 'perStreet',
            label: t('competitions.field.perStreet'),
            children:
              c.maxPerStreet === null
                ? t('competitions.minOnly', { min: c.minPerStreet })
                : t('competitions.minMax', { min: c.minPerStreet, max: c.maxPerStreet }),
          },
          {
            key: 'awards',
            label: t('competitions.field.awards'),
            children: t('competitions.awardRange', { min: c.awardMin, max: c.awardMax }),
          },
          {
            key: 'notice',
            label: t('competitions.field.noticeWorkingDays'),
            children: t('competitions.workingDays', { count: c.noticeWorkingDays }),
          },
          {
            key: 'reviewers',
            label: t('competitions.field.reviewersPerApplication'),
            children: t('competitions.people', { count: c.reviewersPerApplication }),
          },
          {
            key: 'reminder',
            label: t('competitions.field.reminderDaysBeforeClose'),
            children: t('competitions.days', { count: c.reminderDaysBeforeClose }),
          },
          {
            key: 'partner',
            label: t('competitions.field.requiresPartner'),
            children: c.requiresPartner ? t('common.yes') : t('common.no'),
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

function Windows({ competition: c }: { competition: CompetitionView }) {
  const { t, lang } = useI18n();
  const now = Date.now();
  const moments = [
    { key: 'opens', title: t('competitions.window.submissionOpens'), at: c.submissionOpensAt },
    { key: 'closes', title: t('competitions.window.submissionCloses'), at: c.submissionClosesAt },
    { key: 'reviewOpens', title: t('competitions.window.reviewOpens'), at: c.reviewOpensAt },
    { key: 'reviewCloses', title: t('competitions.window.reviewCloses'), at: c.reviewClosesAt },
    {
      key: 'deadline',
      title: t('competitions.window.implementationDeadline'),
      at: `${c.implementationDeadline}T23:59:59+08:00`,
    },
  ];
  const current = moments.filter((moment) => new Date(moment.at).getTime() <= now).length;
  return (
    <Card variant="borderless" title={t('competitions.windows')} style={{ height: '100%' }}>
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

function Categories({ competition: c }: { competition: CompetitionView }) {
  const { t } = useI18n();
  return (
    <Card variant="borderless" title={t('competitions.categories')} style={{ height: '100%' }}>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={c.categories}
        columns={[
          { title: t('competitions.field.categoryName'), dataIndex: 'name' },
          {
            title: t('competitions.field.categoryKey'),
            dataIndex: 'key',
            width: 120,
            render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
          },
          {
            title: t('competitions.field.cap'),
            dataIndex: 'capFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} showWan stacked />,
          },
        ]}
      />
    </Card>
  );
}

function Rules({ competition: c }: { competition: CompetitionView }) {
  const { t, lang } = useI18n();
  return (
    <Card variant="borderless" title={t('competitions.rules')} style={{ height: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'sources',
            label: t('competitions.field.requiredSources'),
            children: c.requiredSources.length ? (
              <Flex gap={4} wrap>
                {c.requiredSources.map((source) => (
                  <Tag key={source} color="blue">
                    {fundingSourceLabel(source, lang)}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t('competitions.noneRequired')
            ),
          },
          {
            key: 'cofunding',
            label: t('competitions.field.minCoFundingShare'),
            children: c.minCoFundingShareBp
              ? percentOfBp(c.minCoFundingShareBp)
              : t('competitions.noMinimum'),
          },
          {
            key: 'attachments',
            label: t('competitions.field.requiredAttachmentTypes'),
            children: c.requiredAttachmentTypes.length ? (
              <Flex gap={4} wrap>
                {c.requiredAttachmentTypes.map((type) => (
                  <Tag key={type} color="purple">
                    {attachmentTypeLabel(type, lang)}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t('competitions.noneRequired')
            ),
          },
        ]}
      />
    </Card>
  );
}

function Rubric({ competition: c }: { competition: CompetitionView }) {
  const { t } = useI18n();
  const sum = c.rubric.reduce((total, criterion) => total + criterion.maxPoints, 0);
  return (
    <Card
      variant="borderless"
      title={t('competitions.rubric')}
      extra={
        c.rubricLocked && (
          <Tag icon={<LockOutlined />} color="default">
            {t('competitions.rubricLocked')}
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
          { title: t('competitions.field.criterion'), dataIndex: 'name' },
          { title: t('competitions.field.maxPoints'), dataIndex: 'maxPoints', align: 'right', width: 100 },
        ]}
        summary={() => (
          <Table.Summary.Row className="xs-summary-row">
            <Table.Summary.Cell index={0}>{t('competitions.rubricTotal')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {sum}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function Tranches({ competition: c }: { competition: CompetitionView }) {
  const { t, lang } = useI18n();
  return (
    <Card variant="borderless" title={t('competitions.tranches')} style={{ height: '100%' }}>
      {c.tranchePlan.length === 0 ? (
        <Empty />
      ) : (
        <Steps
          size="small"
          current={-1}
          items={c.tranchePlan.map((tranche, index) => ({
            title: percentOfBp(tranche.percentBp),
            content: trancheConditionLabel(tranche.condition, lang),
            subTitle: t('competitions.trancheNo', { n: index + 1 }),
          }))}
        />
      )}
    </Card>
  );
}
