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
import { attachmentTypeText, competitionKindText, fundingSourceText, trancheConditionText } from '../../i18n/enums';
import { errorMessage } from '../../lib/errors';
import { percentOfBp } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { CompetitionStatusTag } from './CompetitionStatusTag';
import { StreetProgressBoard } from './StreetProgressBoard';
import { useCompetition } from './useCompetitions';
import { competitionsText } from './text';
import { commonText } from '../../i18n/common';
import { applicationsText } from '../applications/text';
import { budgetsText } from '../budgets/text';
import { useLang } from '../../i18n/i18n';

export default function CompetitionDetailPage() {
  const { id } = useParams();
  const competitionId = Number(id);
  const t = competitionsText.useT();
  const competition = useCompetition(competitionId);

  if (competition.isError)
    return <QueryError error={competition.error} onRetry={() => void competition.refetch()} />;
  if (competition.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const c = competition.data;
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={`${competitionKindText.label(c.kind)} · ${c.budgetLineName}`}
        extra={<CompetitionActions competition={c} />}
      />
      {c.status === 'draft' && (
        <Alert type="info" showIcon title={t('draftHint')} style={{ marginBottom: 16 }} />
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
  const t = competitionsText.useT();
  const tc = commonText.useT();
  const tApplications = applicationsText.useT();
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
      message.success(t(`done.${action}`));
    } catch (error) {
      message.error(errorMessage(error));
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
        {t('viewApplications')}
      </Button>
      {can('applications.edit') && c.status === 'published' && c.windowOpen && (
        <Button
          icon={<FileAddOutlined />}
          onClick={() => void navigate(`/applications/new?competitionId=${c.id}`)}
        >
          {tApplications('create')}
        </Button>
      )}
      {can('reviews.read') && c.status !== 'draft' && (
        <Button
          icon={<SolutionOutlined />}
          onClick={() => void navigate(`/review-admin?competition=${c.id}`)}
        >
          {t('reviewAdmin')}
        </Button>
      )}
      {manage && live && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/competitions/${c.id}/edit`)}>
          {tc('edit')}
        </Button>
      )}
      {manage && c.status === 'draft' && (
        <Popconfirm
          title={t('publishConfirm')}
          okText={tc('confirm')}
          cancelText={tc('cancel')}
          onConfirm={() => run('publish')}
        >
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={setStatus.isPending && setStatus.variables === 'publish'}
          >
            {t('publish')}
          </Button>
        </Popconfirm>
      )}
      {manage && c.status === 'published' && (
        <Popconfirm
          title={t('closeConfirm')}
          okText={tc('confirm')}
          cancelText={tc('cancel')}
          onConfirm={() => run('close')}
        >
          <Button icon={<StopOutlined />} loading={setStatus.isPending && setStatus.variables === 'close'}>
            {t('close')}
          </Button>
        </Popconfirm>
      )}
      {manage && live && (
        <Popconfirm
          title={t('cancelConfirm')}
          okText={tc('confirm')}
          cancelText={tc('cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => run('cancel')}
        >
          <Button
            danger
            icon={<CloseCircleOutlined />}
            loading={setStatus.isPending && setStatus.variables === 'cancel'}
          >
            {t('cancel')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

function Overview({ competition: c }: { competition: CompetitionView }) {
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

function Windows({ competition: c }: { competition: CompetitionView }) {
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

function Categories({ competition: c }: { competition: CompetitionView }) {
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

function Rules({ competition: c }: { competition: CompetitionView }) {
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
            children: c.minCoFundingShareBp
              ? percentOfBp(c.minCoFundingShareBp)
              : t('noMinimum'),
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

function Rubric({ competition: c }: { competition: CompetitionView }) {
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

function Tranches({ competition: c }: { competition: CompetitionView }) {
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
