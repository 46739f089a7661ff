import {
  CloseCircleOutlined,
  EditOutlined,
  FileAddOutlined,
  SendOutlined,
  SolutionOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompetitionView } from '@xiaoshi/contracts';
import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { competitionsApi } from '../../api/pipeline';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { competitionKindText } from '../../i18n/enums';
import { errorMessage } from '../../lib/errors';
import { StreetProgressBoard } from './StreetProgressBoard';
import { useCompetition } from './useCompetitions';
import { competitionsText } from './text';
import { commonText } from '../../i18n/common';
import { applicationsText } from '../applications/text';
import { Overview, Windows, Categories, Rules, Rubric, Tranches } from './detail/Sections';

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
