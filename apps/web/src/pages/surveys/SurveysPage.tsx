import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateSurveyRequest, type SurveySubjectKey, type SurveyView } from '@xiaoshi/contracts';
import { SURVEY_SUBJECT_KINDS } from '@xiaoshi/domain';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Table,
  Tag,
  type SelectProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { reportFormError } from '../../lib/form-errors';
import { surveysApi, type NewSurvey } from './api';
import { SurveyDrawer } from './SurveyDrawer';
import { text } from './text';
import { useZodRules } from '../../lib/zod-form';

interface FormValues {
  title: string;
  description?: string;
  kind: SurveySubjectKey;
  subjectId: number;
  countBasicallySatisfied: boolean;
  askGroup: boolean;
  maxAnswersPerAddress: number;
}

function CreateSurveyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const rules = useZodRules(CreateSurveyRequest);
  const kind = Form.useWatch('kind', form) ?? 'budget_line';
  const projects = useQuery({
    queryKey: ['surveys', 'projects'],
    queryFn: ({ signal }) => surveysApi.projects(signal),
    enabled: open && kind === 'project',
  });
  const programmes = useQuery({
    queryKey: ['surveys', 'programmes'],
    queryFn: ({ signal }) => surveysApi.programmes(signal),
    enabled: open && kind !== 'project',
  });
  const options: SelectProps['options'] =
    kind === 'project'
      ? (projects.data ?? []).map((project) => ({
          value: project.id,
          label: `${project.title}（${project.community.name}）`,
        }))
      : (programmes.data ?? []).map((programme) => ({
          label: `${programme.year} ${programme.name}`,
          options: programme.lines.map((line) => ({ value: line.id, label: line.name })),
        }));
  const create = useMutation({
    mutationFn: (values: FormValues) => {
      const body: NewSurvey = {
        title: values.title,
        description: values.description ?? '',
        subject: { kind: values.kind, id: values.subjectId },
        countBasicallySatisfied: values.countBasicallySatisfied,
        askGroup: values.askGroup,
        maxAnswersPerAddress: values.maxAnswersPerAddress,
      };
      return surveysApi.create(body);
    },
    onSuccess: (survey) => {
      void message.success(t('created'));
      void queryClient.invalidateQueries({ queryKey: ['surveys'] });
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
      onCreated(survey.id);
    },
    onError: (error) => reportFormError(form, error, message),
  });
  return (
    <Modal
      open={open}
      title={t('create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'budget_line',
          countBasicallySatisfied: true,
          askGroup: true,
          maxAnswersPerAddress: 50,
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="title"
          label={t('form.title')}
          rules={rules('title', { required: t('form.required') })}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('form.description')} rules={rules('description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="kind" label={t('form.subjectKind')}>
          <Radio.Group
            options={SURVEY_SUBJECT_KINDS.map((value) => ({ value, label: t(`subject.${value}`) }))}
            onChange={() => form.setFieldValue('subjectId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label={t('form.subject')}
          rules={rules('subject.id', { required: t('form.required') })}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={projects.isFetching || programmes.isFetching}
            options={options}
          />
        </Form.Item>
        <Form.Item name="countBasicallySatisfied" valuePropName="checked">
          <Checkbox>{t('form.countBasic')}</Checkbox>
        </Form.Item>
        <Form.Item name="askGroup" valuePropName="checked">
          <Checkbox>{t('form.askGroup')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="maxAnswersPerAddress"
          label={t('form.maxPerAddress')}
          rules={rules('maxAnswersPerAddress')}
        >
          <InputNumber min={1} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 满意度测评: surveys with their live results, link and QR code. */
export default function SurveysPage() {
  const t = text.useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const selected = Number(useParams().id) || null;
  const [creating, setCreating] = useState(false);
  const surveys = useQuery({
    queryKey: ['surveys', 'list'],
    queryFn: ({ signal }) => surveysApi.list(undefined, signal),
  });
  const columns: ColumnsType<SurveyView> = [
    {
      title: t('col.title'),
      key: 'title',
      render: (_, survey) => (
        <>
          {survey.title} {survey.isDemo && <Tag color="orange">{t('demo')}</Tag>}
        </>
      ),
    },
    {
      title: t('col.subject'),
      key: 'subject',
      responsive: ['md'],
      render: (_, survey) => `${t(`subject.${survey.subject.kind}`)} · ${survey.subject.name}`,
    },
    {
      title: t('col.answers'),
      key: 'answers',
      width: 80,
      align: 'right',
      render: (_, survey) => survey.results.answers,
    },
    {
      title: t('col.satisfaction'),
      key: 'satisfaction',
      width: 100,
      align: 'right',
      render: (_, survey) =>
        survey.results.satisfaction === null
          ? '—'
          : `${Math.round(survey.results.satisfaction * 100) / 100}%`,
    },
    {
      title: t('col.status'),
      key: 'status',
      width: 90,
      render: (_, survey) => (
        <Tag color={survey.status === 'open' ? 'green' : 'default'}>{t(`status.${survey.status}`)}</Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          can('surveys.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('create')}
            </Button>
          )
        }
      />
      <Card>
        {surveys.isError ? (
          <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />
        ) : (
          <Table<SurveyView>
            rowKey="id"
            loading={surveys.isPending}
            columns={columns}
            dataSource={surveys.data ?? []}
            locale={{ emptyText: <Empty description={t('none')} /> }}
            onRow={(survey) => ({
              onClick: () => void navigate(`/surveys/${survey.id}`),
              style: { cursor: 'pointer' },
            })}
            pagination={false}
          />
        )}
      </Card>
      {selected && <SurveyDrawer id={selected} onClose={() => void navigate('/surveys')} />}
      <CreateSurveyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/surveys/${id}`);
        }}
      />
    </>
  );
}
