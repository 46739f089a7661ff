import { CreateCompetitionRequest } from '@xiaoshi/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TRANCHE_CONDITIONS, checkTranchePlan, type TrancheCondition } from '@xiaoshi/domain';
import { Button, Flex, Form, InputNumber, Progress, Select, Typography } from 'antd';
import { trancheConditionText } from '../../../i18n/enums';
import { percentToBp, type WizardValues } from './values';
import { competitionsText } from '../text';
import { useLang } from '../../../i18n/i18n';
import { useZodRules } from '../../../lib/zod-form';

type Row = WizardValues['tranches'][number];

export function trancheViolations(rows: readonly Row[] | undefined) {
  return checkTranchePlan(
    (rows ?? []).map((row) => ({
      percentBp: typeof row?.percent === 'number' ? percentToBp(row.percent) : Number.NaN,
      condition: (row?.condition ?? '') as TrancheCondition,
    })),
  );
}

export function trancheSumBp(rows: readonly Row[] | undefined): number {
  return (rows ?? []).reduce(
    (sum, row) => sum + (typeof row?.percent === 'number' ? percentToBp(row.percent) : 0),
    0,
  );
}

/** Step 6: the tranche plan (预拨 / 尾款), kept live against 100%. */
export function TranchesStep() {
  const t = competitionsText.useT();
  const lang = useLang();
  const form = Form.useFormInstance();
  const rules = useZodRules(CreateCompetitionRequest);
  const rows = Form.useWatch('tranches', form) as Row[] | undefined;
  const sumBp = trancheSumBp(rows);
  const percent = sumBp / 100;
  const problem = trancheViolations(rows).find((violation) => violation.field === 'tranches');
  const colour = sumBp === 10000 ? '#16a34a' : sumBp > 10000 ? '#dc2626' : '#f59e0b';

  return (
    <>
      <Typography.Paragraph type="secondary">{t('tranchesHelp')}</Typography.Paragraph>
      <Flex align="center" gap={16} className="xs-live-sum" data-testid="tranche-sum" data-sum={sumBp}>
        <Progress
          type="circle"
          size={64}
          percent={Math.min(percent, 100)}
          strokeColor={colour}
          format={() => <span style={{ color: colour }}>{percent}%</span>}
        />
        <Flex vertical>
          <Typography.Text strong style={{ color: colour }}>
            {t('trancheSum', { sum: percent })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {problem ? (lang === 'en' ? problem.en : problem.zh) : t('tranchesOk')}
          </Typography.Text>
        </Flex>
      </Flex>
      <Form.List
        name="tranches"
        rules={[
          {
            validator: async (_, value?: Row[]) => {
              const found = trancheViolations(value).find((violation) => violation.field === 'tranches');
              if (found) throw new Error(lang === 'en' ? found.en : found.zh);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            <Flex gap={8} className="xs-list-header">
              <span style={{ width: 20 }} />
              <span style={{ width: 140 }}>{t('field.tranchePercent')}</span>
              <span style={{ flex: '1 1 220px' }}>{t('field.trancheCondition')}</span>
              <span style={{ width: 32 }} />
            </Flex>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" className="xs-list-row">
                <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'percent']}
                  rules={rules('tranchePlan[].percentBp', {
                    required: t('percentRequired'),
                    from: (value) => percentToBp(value as number),
                  })}
                  style={{ width: 140, marginBottom: 0 }}
                >
                  <InputNumber
                    min={0.01}
                    max={100}
                    precision={2}
                    suffix="%"
                    style={{ width: '100%' }}
                    aria-label={t('field.tranchePercent')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'condition']}
                  rules={rules('tranchePlan[].condition', { required: t('conditionRequired') })}
                  style={{ flex: '1 1 220px', marginBottom: 0 }}
                >
                  <Select
                    aria-label={t('field.trancheCondition')}
                    options={TRANCHE_CONDITIONS.map((condition) => ({
                      value: condition,
                      label: trancheConditionText.label(condition),
                    }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('removeRow')}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                add({ percent: Math.max(0, 100 - percent) || null, condition: 'after_acceptance' })
              }
              style={{ alignSelf: 'flex-start' }}
            >
              {t('addTranche')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}
