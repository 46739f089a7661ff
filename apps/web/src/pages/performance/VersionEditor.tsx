import { DeleteOutlined, DownOutlined, PlusOutlined, UpOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  UpdateTableVersionRequest,
  type PerformanceTableView,
  type TableVersionView,
} from '@xiaoshi/contracts';
import { App, Button, Card, Col, Drawer, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../lib/errors';
import { performanceApi } from './api';
import { drawerWidth } from './shared';
import { text } from './text';
import { type IndicatorValue, type EditorValues, toValue, toBinding, BLANK } from './editor/values';
import { IndicatorFields } from './editor/IndicatorFields';
import { useZodRules } from '../../lib/zod-form';

/** Edits a draft version as a whole: goals, budget execution points, the indicators and their bindings. */
export function VersionEditor({
  table,
  version,
  onClose,
}: {
  table: PerformanceTableView;
  version: TableVersionView;
  onClose: () => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const rules = useZodRules(UpdateTableVersionRequest);
  const indicators = Form.useWatch('indicators', form) as IndicatorValue[] | undefined;
  const budgetPoints = Form.useWatch('budgetExecutionPoints', form) as number | undefined;
  const total =
    Math.round(
      ((indicators ?? []).reduce((sum, row) => sum + (row?.points ?? 0), 0) + (budgetPoints ?? 0)) * 100,
    ) / 100;
  const save = useMutation({
    mutationFn: (values: EditorValues) =>
      performanceApi.updateVersion(version.id, {
        version: version.version,
        longTermPeriod: values.longTermPeriod ?? '',
        longTermGoal: values.longTermGoal ?? '',
        annualGoal: values.annualGoal ?? '',
        budgetExecutionPoints: values.budgetExecutionPoints ?? 0,
        indicators: (values.indicators ?? []).map((row) => ({
          ...BLANK,
          ...row,
          target: row.nature === 'qualitative' ? null : (row.target ?? null),
          deductionPerUnit: row.deductionPerUnit ?? null,
          binding: toBinding(row.binding),
        })),
      }),
    onSuccess: () => {
      void message.success(t('editor.saved'));
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && Object.keys(error.fields).length) {
        form.setFields(
          Object.entries(error.fields).map(([path, errors]) => ({
            name: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) as never,
            errors: [errors],
          })),
        );
        void message.error(`${t('editor.invalid')}：${Object.values(error.fields).join('；')}`);
      } else void message.error(errorMessage(error));
    },
  });
  return (
    <Drawer
      open
      title={t('editor.title', { number: version.number })}
      size={drawerWidth(980)}
      onClose={onClose}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('editor.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('editor.save')}
          </Button>
        </Flex>
      }
    >
      <Form<EditorValues>
        form={form}
        layout="vertical"
        initialValues={{
          longTermPeriod: version.longTermPeriod,
          longTermGoal: version.longTermGoal,
          annualGoal: version.annualGoal,
          budgetExecutionPoints: version.budgetExecutionPoints,
          indicators: version.indicators.map(({ id: _id, position: _position, binding, ...rest }) => ({
            ...rest,
            binding: toValue(binding),
          })),
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="longTermPeriod" label={t('goals.period')} rules={rules('longTermPeriod')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="budgetExecutionPoints"
              label={t('editor.budgetPoints')}
              rules={rules('budgetExecutionPoints')}
            >
              <InputNumber min={0} max={100} step={0.01} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Typography.Text
              type={total === 100 ? 'success' : 'warning'}
              style={{ display: 'block', marginTop: 34 }}
            >
              {t('editor.pointsTotal', { total })}
            </Typography.Text>
          </Col>
          <Col xs={24}>
            <Form.Item name="longTermGoal" label={t('goals.longTerm')} rules={rules('longTermGoal')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="annualGoal" label={t('goals.annual')} rules={rules('annualGoal')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('editor.indicators')}</Typography.Title>
        <Form.List name="indicators">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={12}>
              {fields.map((field, position) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`${position + 1}. ${indicators?.[position]?.name || '—'}`}
                  extra={
                    <Flex gap={4}>
                      <Button
                        size="small"
                        aria-label={t('editor.up')}
                        icon={<UpOutlined />}
                        disabled={position === 0}
                        onClick={() => move(position, position - 1)}
                      />
                      <Button
                        size="small"
                        aria-label={t('editor.down')}
                        icon={<DownOutlined />}
                        disabled={position === fields.length - 1}
                        onClick={() => move(position, position + 1)}
                      />
                      <Button
                        size="small"
                        danger
                        aria-label={t('editor.remove')}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  }
                >
                  <IndicatorFields index={field.name} table={table} />
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ ...BLANK })}>
                {t('editor.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
