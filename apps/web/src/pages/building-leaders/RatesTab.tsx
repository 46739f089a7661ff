import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateStipendRuleVersionRequest,
  HouseholdBandInput,
  BuildingLeaderRules,
  STIPEND_MONTH_RULES,
  type StipendProgrammeView,
  type StipendRuleVersionView,
} from '@xiaoshi/contracts';
import { describeRateTable, yuanToFen, type BuildingLeaderRateTable } from '@xiaoshi/domain';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { stipendsApi } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { reportFormError } from '../../lib/form-errors';
import { yuan } from '../../lib/money';
import { beijingDate } from '../../lib/time';
import './forms.css';
import { text } from './text';
import { useLang } from '../../i18n/i18n';
import { useZodRules, yuanOptions } from '../../lib/zod-form';

type MonthRule = (typeof STIPEND_MONTH_RULES)[number];

interface RateValues {
  documentNumber: string;
  title?: string;
  effectiveFrom: string;
  monthRule: MonthRule;
  basis: 'per_building' | 'household_band';
  perBuilding?: string;
  bands?: Array<{ maxHouseholds?: number | null; rate?: string }>;
}

function tableOf(
  version: StipendRuleVersionView,
): { table: BuildingLeaderRateTable; monthRule: string; demo: boolean } | null {
  const parsed = BuildingLeaderRules.safeParse(version.rules);
  return parsed.success
    ? {
        table: parsed.data.rates as BuildingLeaderRateTable,
        monthRule: parsed.data.monthRule,
        demo: parsed.data.demo,
      }
    : null;
}

/** The district's rate tables, newest first, a calculator, and a form for a new version. */
export function RatesTab({ programme }: { programme: StipendProgrammeView }) {
  const t = text.useT();
  const lang = useLang();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const versions = [...programme.ruleVersions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('rates.help')}</Typography.Text>
        {can('stipends.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('rates.add')}
          </Button>
        )}
      </Flex>
      {versions.length === 0 && <Empty description={t('rates.none')} />}
      {versions.map((version) => {
        const parsed = tableOf(version);
        return (
          <Card
            key={version.id}
            size="small"
            className="xs-rate-version"
            title={
              <Flex gap={8} align="center" wrap>
                <span>{version.documentNumber}</span>
                <Tag color="blue">{t('rates.effective', { date: version.effectiveFrom })}</Tag>
                {parsed?.demo && <Tag color="orange">{t('rates.demo')}</Tag>}
              </Flex>
            }
          >
            {version.title && <Typography.Paragraph type="secondary">{version.title}</Typography.Paragraph>}
            {parsed && (
              <Flex vertical gap={4}>
                <Typography.Text>
                  {describeRateTable(parsed.table)[lang === 'en' ? 'en' : 'zh']}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('rates.monthRuleLine', { rule: t(`monthRule.${parsed.monthRule as MonthRule}`) })}
                </Typography.Text>
              </Flex>
            )}
          </Card>
        );
      })}
      <RateQuote programmeId={programme.id} />
      <AddVersionModal programme={programme} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}

function RateQuote({ programmeId }: { programmeId: number }) {
  const t = text.useT();
  const [input, setInput] = useState({ date: beijingDate(), buildingCount: 1, households: 80 });
  const quote = useQuery({
    queryKey: ['stipends', 'leader-rate', programmeId, input],
    queryFn: ({ signal }) => stipendsApi.leaderRate(programmeId, input, signal),
    retry: false,
  });
  return (
    <Card size="small" title={t('rates.quote')}>
      <Typography.Paragraph type="secondary">{t('rates.quoteHelp')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <Input
          type="date"
          aria-label={t('rates.quoteDate')}
          style={{ width: 160 }}
          value={input.date}
          onChange={(event) => event.target.value && setInput({ ...input, date: event.target.value })}
        />
        <InputNumber
          aria-label={t('form.buildingCount')}
          addonAfter={t('unit.buildings')}
          min={1}
          max={50}
          precision={0}
          value={input.buildingCount}
          onChange={(value) => value && setInput({ ...input, buildingCount: value })}
        />
        <InputNumber
          aria-label={t('form.households')}
          addonAfter={t('unit.households')}
          min={0}
          max={5000}
          precision={0}
          value={input.households}
          onChange={(value) => value !== null && setInput({ ...input, households: value })}
        />
        <Typography.Text strong className="xs-rate-quote">
          {quote.data
            ? t('rates.perMonth', {
                amount: yuan(quote.data.monthlyRateFen),
                doc: quote.data.ruleVersion.documentNumber,
              })
            : quote.isError
              ? '—'
              : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function AddVersionModal({
  programme,
  open,
  onClose,
}: {
  programme: StipendProgrammeView;
  open: boolean;
  onClose: () => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RateValues>();
  const rules = useZodRules(CreateStipendRuleVersionRequest);
  const bandRules = useZodRules(HouseholdBandInput);
  const [saving, setSaving] = useState(false);
  const basis = Form.useWatch('basis', form);

  const save = async (values: RateValues) => {
    const fen = (text?: string) => yuanToFen(text ?? '') ?? Number.NaN;
    const rates =
      values.basis === 'per_building'
        ? { basis: 'per_building' as const, monthlyRatePerBuildingFen: fen(values.perBuilding) }
        : {
            basis: 'household_band' as const,
            bands: (values.bands ?? []).map((band) => ({
              maxHouseholds: band.maxHouseholds ?? null,
              monthlyRateFen: fen(band.rate),
            })),
          };
    setSaving(true);
    try {
      await stipendsApi.addRuleVersion(programme.id, {
        documentNumber: values.documentNumber,
        ...(values.title ? { title: values.title } : {}),
        effectiveFrom: values.effectiveFrom,
        rules: { monthRule: values.monthRule, rates, demo: false },
      });
      void message.success(t('rates.saved'));
      await queryClient.invalidateQueries({ queryKey: ['stipends'] });
      form.resetFields();
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: t('form.required', { field }) });
  return (
    <Modal
      open={open}
      title={t('rates.add')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          monthRule: 'start_next_month_end_month_inclusive',
          basis: 'household_band',
          bands: [{ maxHouseholds: 60 }, { maxHouseholds: 120 }, { maxHouseholds: null }],
        }}
        onFinish={(values) => void save(values)}
      >
        <div className="xs-form-row">
          <Form.Item
            name="documentNumber"
            label={t('rates.documentNumber')}
            rules={rules('documentNumber', required(t('rates.documentNumber')))}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('rates.effectiveFrom')}
            rules={rules('effectiveFrom', required(t('rates.effectiveFrom')))}
          >
            <Input type="date" />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('rates.docTitle')} rules={rules('title')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="monthRule" label={t('rates.monthRule')}>
          <Select
            options={STIPEND_MONTH_RULES.map((rule) => ({ value: rule, label: t(`monthRule.${rule}`) }))}
          />
        </Form.Item>
        <Form.Item name="basis" label={t('rates.basis')}>
          <Radio.Group
            options={[
              { value: 'household_band', label: t('rates.basis.household_band') },
              { value: 'per_building', label: t('rates.basis.per_building') },
            ]}
          />
        </Form.Item>
        {basis === 'per_building' ? (
          <Form.Item
            name="perBuilding"
            label={t('rates.perBuilding')}
            rules={bandRules('monthlyRateFen', yuanOptions(required(t('rates.perBuilding'))))}
          >
            <Input inputMode="decimal" style={{ maxWidth: 200 }} />
          </Form.Item>
        ) : (
          <Form.List name="bands">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, 'maxHouseholds']}
                      label={index === 0 ? t('rates.band.max') : undefined}
                      rules={bandRules('maxHouseholds')}
                    >
                      <InputNumber
                        min={0}
                        max={100000}
                        precision={0}
                        placeholder={t('rates.band.open')}
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'rate']}
                      label={index === 0 ? t('rates.band.rate') : undefined}
                      rules={bandRules('monthlyRateFen', yuanOptions(required(t('rates.band.rate'))))}
                    >
                      <Input inputMode="decimal" style={{ width: 140 }} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('rates.band.remove')}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ maxHouseholds: null })}>
                  {t('rates.band.add')}
                </Button>
              </Flex>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
