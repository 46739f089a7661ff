import { CreateCompetitionRequest } from '@xiaoshi/contracts';
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { checkRubric, type Criterion } from '@xiaoshi/domain';
import { Alert, Button, Flex, Form, Input, InputNumber, Progress, Typography } from 'antd';
import { nextKey } from './presets';
import type { WizardValues } from './values';
import { competitionsText } from '../text';
import { useLang } from '../../../i18n/i18n';
import { useZodRules } from '../../../lib/zod-form';

type Row = WizardValues['rubric'][number];

export function rubricSum(rows: readonly Row[] | undefined): number {
  return (rows ?? []).reduce((sum, row) => sum + (typeof row?.maxPoints === 'number' ? row.maxPoints : 0), 0);
}

/** The domain's check on the rows as typed (missing points count as invalid, not as 0). */
export function rubricViolations(rows: readonly Row[] | undefined) {
  const criteria: Criterion[] = (rows ?? []).map((row) => ({
    key: row?.key ?? '',
    name: row?.name ?? '',
    maxPoints: typeof row?.maxPoints === 'number' ? row.maxPoints : Number.NaN,
  }));
  return checkRubric(criteria);
}

/** Step 5: the scoring rubric, with its total kept live against 100. Locked once submissions open. */
export function RubricStep({ locked }: { locked: boolean }) {
  const t = competitionsText.useT();
  const lang = useLang();
  const form = Form.useFormInstance();
  const rules = useZodRules(CreateCompetitionRequest);
  const rows = Form.useWatch('rubric', form) as Row[] | undefined;
  const sum = rubricSum(rows);
  const violations = rubricViolations(rows);
  const notHundred = violations.find((violation) => violation.code === 'RUBRIC_NOT_100');
  const colour = sum === 100 ? '#16a34a' : sum > 100 ? '#dc2626' : '#f59e0b';

  return (
    <>
      {locked ? (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          title={t('rubricLockedHint')}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('rubricHelp')}</Typography.Paragraph>
      )}
      <Flex align="center" gap={16} className="xs-live-sum" data-testid="rubric-sum" data-sum={sum}>
        <Progress
          type="circle"
          size={64}
          percent={Math.min(sum, 100)}
          strokeColor={colour}
          format={() => <span style={{ color: colour }}>{sum}</span>}
        />
        <Flex vertical>
          <Typography.Text strong style={{ color: colour }}>
            {t('rubricSum', { sum })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {notHundred ? (lang === 'en' ? notHundred.en : notHundred.zh) : sum === 100 ? t('rubricOk') : ''}
          </Typography.Text>
        </Flex>
      </Flex>
      <Form.List
        name="rubric"
        rules={[
          {
            validator: async (_, value?: Row[]) => {
              const problem = rubricViolations(value).find((violation) => violation.field === 'criteria');
              if (problem) throw new Error(lang === 'en' ? problem.en : problem.zh);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            <Flex gap={8} className="xs-list-header">
              <span style={{ width: 20 }} />
              <span style={{ flex: '3 1 200px' }}>{t('field.criterion')}</span>
              <span style={{ width: 130 }}>{t('field.maxPoints')}</span>
              <span style={{ width: 32 }} />
            </Flex>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" className="xs-list-row">
                <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={rules('rubric[].name', { required: t('criterionNameRequired') })}
                  style={{ flex: '3 1 200px', marginBottom: 0 }}
                >
                  <Input disabled={locked} maxLength={50} aria-label={t('field.criterion')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'maxPoints']}
                  rules={rules('rubric[].maxPoints', { required: t('pointsRequired') })}
                  style={{ width: 130, marginBottom: 0 }}
                >
                  <InputNumber
                    disabled={locked}
                    min={1}
                    max={100}
                    precision={0}
                    suffix={t('points')}
                    style={{ width: '100%' }}
                    aria-label={t('field.maxPoints')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={locked || fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('removeRow')}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            {!locked && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: nextKey('c', form.getFieldValue('rubric') ?? []),
                    name: '',
                    maxPoints: Math.max(0, 100 - sum) || null,
                  })
                }
                style={{ alignSelf: 'flex-start' }}
              >
                {t('addCriterion')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  );
}
