import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreatePerformanceTableRequest,
  type ActualValuesView,
  type PerformanceTableView,
} from '@xiaoshi/contracts';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { reportFormError } from '../../lib/form-errors';
import { performanceApi } from './api';
import { GradeTag, VersionTag, currentYear, formatNumber } from './shared';
import { text } from './text';
import './performance.css';
import { useLang } from '../../i18n/i18n';
import { useZodRules } from '../../lib/zod-form';

function TableCard({
  table,
  figures,
}: {
  table: PerformanceTableView;
  figures: ActualValuesView | undefined;
}) {
  const t = text.useT();
  const lang = useLang();
  const met = figures?.indicators.filter((row) => row.met).length ?? 0;
  const rate = figures?.budgetExecution?.rate;
  return (
    <Card
      className="xs-pf-card"
      title={
        <Flex gap={8} align="center" wrap>
          <Link to={`/performance/tables/${table.id}`}>{table.name}</Link>
          {table.isDemo && <Tag color="orange">{t('demo')}</Tag>}
        </Flex>
      }
      extra={
        table.current ? (
          <VersionTag number={table.current.number} status="approved" />
        ) : (
          table.draft && <VersionTag number={table.draft.number} status="draft" />
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={4} wrap>
          {table.lines.map((line) => (
            <Tag key={line.id} style={{ marginInlineEnd: 0 }}>
              {line.name}
            </Tag>
          ))}
        </Flex>
        {figures && (
          <div className="xs-pf-figures">
            <div>
              <Typography.Text type="secondary">{t('tables.score')}</Typography.Text>
              <Flex align="center" gap={8}>
                <span className="xs-pf-big">{formatNumber(figures.total, lang)}</span>
                <GradeTag grade={figures.grade} />
              </Flex>
            </div>
            <div>
              <Typography.Text type="secondary">{t('tables.budget')}</Typography.Text>
              <Progress
                percent={rate === null || rate === undefined ? 0 : Math.round(rate * 1000) / 10}
                size="small"
              />
            </div>
          </div>
        )}
        {figures && (
          <Typography.Text type="secondary">
            {t('tables.met', { count: met, total: figures.indicators.length })}
          </Typography.Text>
        )}
        <Link to={`/performance/tables/${table.id}`}>
          <Button type="primary" ghost>
            {t('tables.open')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}

function CreateTableModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const t = text.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ programmeId: number; budgetLineIds?: number[]; name?: string }>();
  const rules = useZodRules(CreatePerformanceTableRequest);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const programmes = useQuery({
    queryKey: ['performance', 'programmes', year],
    queryFn: ({ signal }) => performanceApi.programmes(year, signal),
    enabled: open,
  });
  const programmeId = Form.useWatch('programmeId', form);
  const lines = programmes.data?.find((programme) => programme.id === programmeId)?.lines ?? [];
  const create = useMutation({
    mutationFn: (values: { programmeId: number; budgetLineIds?: number[]; name?: string }) =>
      performanceApi.createTable({
        programmeId: values.programmeId,
        budgetLineIds: values.budgetLineIds?.length ? values.budgetLineIds : undefined,
        name: values.name?.trim() || undefined,
      }),
    onSuccess: (table) => {
      void message.success(t('tables.created'));
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
      onClose();
      void navigate(`/performance/tables/${table.id}?tab=targets`);
    },
    onError: (error) => reportFormError(form, error, message),
  });
  return (
    <Modal
      open={open}
      title={t('tables.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          name="programmeId"
          label={t('tables.programme')}
          rules={rules('programmeId', { required: t('manual.required') })}
        >
          <Select
            loading={programmes.isPending}
            options={(programmes.data ?? []).map((programme) => ({
              value: programme.id,
              label: programme.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="budgetLineIds"
          label={t('tables.lines')}
          extra={t('tables.linesAll')}
          rules={rules('budgetLineIds')}
        >
          <Select mode="multiple" options={lines.map((line) => ({ value: line.id, label: line.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('tables.name')} rules={rules('name')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 绩效目标管理: the year's target tables with their live score. */
export default function PerformancePage() {
  const t = text.useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const [creating, setCreating] = useState(false);
  const tables = useQuery({
    queryKey: ['performance', 'tables', year],
    queryFn: ({ signal }) => performanceApi.tables(year, signal),
  });
  const summary = useQuery({
    queryKey: ['performance', 'summary', year],
    queryFn: ({ signal }) => performanceApi.summary(year, signal),
  });
  const years = Array.from(new Set([currentYear() + 1, currentYear(), currentYear() - 1, year])).sort(
    (a, b) => b - a,
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('year')}
              value={year}
              style={{ width: 104 }}
              options={years.map((value) => ({ value, label: String(value) }))}
              onChange={(value) => setParams({ year: String(value) }, { replace: true })}
            />
            {can('performance.manage') && (
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('tables.create')}
              </Button>
            )}
          </Space>
        }
      />
      {tables.isPending ? (
        <PageSpinner />
      ) : tables.isError ? (
        <QueryError error={tables.error} onRetry={() => void tables.refetch()} />
      ) : tables.data.length === 0 ? (
        <Card>
          <Empty description={t('tables.none')} />
        </Card>
      ) : (
        <div className="xs-pf-cards">
          {tables.data.map((table) => (
            <TableCard
              key={table.id}
              table={table}
              figures={summary.data?.find((figures) => figures.tableId === table.id)}
            />
          ))}
        </div>
      )}
      <CreateTableModal year={year} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
