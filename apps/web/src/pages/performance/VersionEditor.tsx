import { DeleteOutlined, DownOutlined, PlusOutlined, UpOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  IndicatorBinding,
  IndicatorInput,
  IndicatorNatureKey,
  PerformanceTableView,
  ScoringRuleKey,
  TableVersionView,
} from '@xiaoshi/contracts';
import { INDICATOR_NATURES, LEVEL_NAMES, SCORING_RULES } from '@xiaoshi/domain';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../lib/errors';
import { performanceApi } from './api';
import { drawerWidth, natureLabel, useMetrics } from './shared';
import { text } from './text';
import { useLang } from '../../i18n/i18n';

type LineChoice = number | 'table' | 'none';
interface TermValue {
  metric?: string;
  line: LineChoice;
}
type BindingValue = { kind: 'manual' } | { kind: 'metric'; combine: 'sum' | 'union'; terms: TermValue[] };
type IndicatorValue = Omit<IndicatorInput, 'binding'> & { binding: BindingValue };
interface EditorValues {
  longTermPeriod: string;
  longTermGoal: string;
  annualGoal: string;
  budgetExecutionPoints: number;
  indicators: IndicatorValue[];
}

function toValue(binding: IndicatorBinding): BindingValue {
  if (binding.kind === 'manual') return binding;
  return {
    kind: 'metric',
    combine: binding.combine,
    terms: binding.terms.map((term) => ({
      metric: term.metric,
      line: term.budgetLineId === null ? 'none' : term.budgetLineId,
    })),
  };
}

function toBinding(value: BindingValue | undefined): IndicatorBinding {
  if (!value || value.kind === 'manual') return { kind: 'manual' };
  return {
    kind: 'metric',
    combine: value.combine ?? 'sum',
    terms: (value.terms ?? []).map((term) => ({
      metric: term.metric ?? '',
      budgetLineId: term.line === 'none' ? null : term.line,
    })),
  };
}

const BLANK: IndicatorValue = {
  level1: '产出指标',
  level2: '数量指标',
  name: '',
  nature: '>=',
  target: null,
  targetText: '',
  unit: '',
  points: 0,
  rule: 'proportional',
  ruleText: '',
  deductionPerUnit: null,
  attributeCode: '',
  content: '',
  basis: '',
  dataSource: '',
  binding: { kind: 'manual' },
};

function BindingFields({ index, table }: { index: number; table: PerformanceTableView }) {
  const t = text.useT();
  const lang = useLang();
  const metrics = useMetrics();
  const form = Form.useFormInstance<EditorValues>();
  const kind = Form.useWatch(['indicators', index, 'binding', 'kind'], form);
  const lineOptions = [
    { value: 'table', label: t('binding.allLines') },
    { value: 'none', label: t('binding.noLine') },
    ...table.lines.map((line) => ({ value: line.id, label: line.name })),
  ];
  return (
    <>
      <Form.Item name={[index, 'binding', 'kind']} label={t('editor.binding')}>
        <Radio.Group
          options={[
            { value: 'manual', label: t('binding.manual') },
            { value: 'metric', label: t('binding.metric') },
          ]}
          onChange={(event) => {
            if (event.target.value === 'metric') {
              form.setFieldValue(['indicators', index, 'binding'], {
                kind: 'metric',
                combine: 'sum',
                terms: [{ line: 'table' }],
              });
            }
          }}
        />
      </Form.Item>
      {kind === 'metric' && (
        <>
          <Form.Item name={[index, 'binding', 'combine']} label={t('editor.combine')}>
            <Radio.Group
              options={[
                { value: 'sum', label: t('binding.sum') },
                { value: 'union', label: t('binding.union') },
              ]}
            />
          </Form.Item>
          <Form.List name={[index, 'binding', 'terms']}>
            {(terms, { add, remove }) => (
              <Flex vertical gap={4}>
                {terms.map((term) => (
                  <Flex key={term.key} gap={8} wrap align="start">
                    <Form.Item
                      name={[term.name, 'metric']}
                      label={t('editor.metric')}
                      style={{ minWidth: 220, flex: 2 }}
                    >
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={(metrics.data ?? []).map((metric) => ({
                          value: metric.key,
                          label: lang === 'en' ? metric.name.en : metric.name.zh,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[term.name, 'line']}
                      label={t('editor.line')}
                      style={{ minWidth: 200, flex: 1 }}
                    >
                      <Select options={lineOptions} />
                    </Form.Item>
                    <Button
                      aria-label={t('editor.remove')}
                      icon={<DeleteOutlined />}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(term.name)}
                    />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ line: 'table' })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('editor.addTerm')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </>
      )}
    </>
  );
}

function IndicatorFields({ index, table }: { index: number; table: PerformanceTableView }) {
  const t = text.useT();
  const form = Form.useFormInstance<EditorValues>();
  const level1 = Form.useWatch(['indicators', index, 'level1'], form) as string | undefined;
  const nature = Form.useWatch(['indicators', index, 'nature'], form) as IndicatorNatureKey | undefined;
  const qualitative = nature === 'qualitative';
  const level2Options = (LEVEL_NAMES.find((level) => level.level1 === level1)?.level2 ?? []).map((value) => ({
    value,
  }));
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item
          name={[index, 'level1']}
          label={t('col.level1')}
          rules={[{ required: true, whitespace: true }]}
        >
          <AutoComplete options={LEVEL_NAMES.map((level) => ({ value: level.level1 }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name={[index, 'level2']}
          label={t('col.level2')}
          rules={[{ required: true, whitespace: true }]}
        >
          <AutoComplete options={level2Options} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name={[index, 'name']}
          label={t('col.level3')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name={[index, 'nature']} label={t('col.nature')}>
          <Select
            options={INDICATOR_NATURES.map((value) => ({ value, label: natureLabel(value, t) }))}
            onChange={(value: IndicatorNatureKey) => {
              if (value === 'qualitative') {
                form.setFieldValue(['indicators', index, 'rule'], 'qualitative');
                form.setFieldValue(['indicators', index, 'target'], null);
                form.setFieldValue(['indicators', index, 'binding'], { kind: 'manual' });
              } else if (form.getFieldValue(['indicators', index, 'rule']) === 'qualitative') {
                form.setFieldValue(['indicators', index, 'rule'], 'proportional');
              }
            }}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name={[index, 'target']} label={t('col.target')}>
          <InputNumber style={{ width: '100%' }} disabled={qualitative} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name={[index, 'unit']} label={t('col.unit')}>
          <AutoComplete options={['个', '件', '人', '%', '元', '万元', '天'].map((value) => ({ value }))} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item name={[index, 'points']} label={t('col.points')}>
          <InputNumber min={0} max={100} step={0.01} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'rule']} label={t('col.rule')}>
          <Select
            disabled={qualitative}
            options={SCORING_RULES.filter((rule) =>
              qualitative ? rule === 'qualitative' : rule !== 'qualitative',
            ).map((rule: ScoringRuleKey) => ({ value: rule, label: t(`rule.${rule}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item
          name={[index, 'deductionPerUnit']}
          label={t('editor.deduction')}
          tooltip={t('editor.deductionHint')}
        >
          <InputNumber min={0.0001} max={100} style={{ width: '100%' }} disabled={qualitative} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'targetText']} label={t('editor.targetText')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={[index, 'ruleText']} label={t('col.rule')}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[index, 'content']} label={t('col.content')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[index, 'basis']} label={t('col.basis')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[index, 'dataSource']} label={t('editor.dataSource')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[index, 'attributeCode']} label={t('col.attribute')}>
          <Input maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <BindingFields index={index} table={table} />
      </Col>
    </Row>
  );
}

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
            <Form.Item name="longTermPeriod" label={t('goals.period')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="budgetExecutionPoints" label={t('editor.budgetPoints')}>
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
            <Form.Item name="longTermGoal" label={t('goals.longTerm')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="annualGoal" label={t('goals.annual')}>
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
