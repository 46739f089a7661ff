import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Money } from '../../../components/Money';
import { useZodRules, yuanOptions } from '../../../lib/zod-form';
import { CreateApplicationRequest } from '@xiaoshi/contracts';
import { liveFunding } from '../funding';
import { applicationsText } from '../text';
import { useLang } from '../../../i18n/i18n';

export function CostItemsCard({
  live,
  showViolations,
}: {
  live: ReturnType<typeof liveFunding>;
  showViolations: boolean;
}) {
  const t = applicationsText.useT();
  const rules = useZodRules(CreateApplicationRequest);
  const lang = useLang();
  const problem = (field: string) => {
    const found = showViolations ? live.byField.get(field) : undefined;
    return found ? (lang === 'en' ? found.en : found.zh) : undefined;
  };
  const listProblem = problem('costItems') ?? problem('totalCost');
  return (
    <Card variant="borderless" title={t('section.costItems')}>
      <Form.List name="costItems">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} data-testid="cost-items">
            <Flex gap={8} className="xs-list-header">
              <span style={{ width: 20 }} />
              <span style={{ flex: '3 1 200px' }}>{t('field.costItem')}</span>
              <span style={{ flex: '1 1 160px' }}>{t('field.costAmount')}</span>
              <span style={{ width: 32 }} />
            </Flex>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" className="xs-list-row">
                <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'item']}
                  rules={rules('costItems[].item', { required: t('costItemRequired') })}
                  style={{ flex: '3 1 200px', marginBottom: 0 }}
                >
                  <Input
                    maxLength={100}
                    placeholder={t('costItemPlaceholder')}
                    aria-label={t('field.costItem')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  rules={rules('costItems[].amount', yuanOptions())}
                  style={{ flex: '1 1 160px', marginBottom: 0 }}
                >
                  <Input suffix="元" inputMode="decimal" aria-label={t('field.costAmount')} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('removeCostItem')}
                />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: '', amount: '' })}>
                {t('addCostItem')}
              </Button>
              <Flex gap={8} align="baseline" data-testid="cost-total">
                <Typography.Text type="secondary">{t('costTotal')}</Typography.Text>
                {Number.isNaN(live.totalCost) ? '—' : <Money fen={live.totalCost} showWan strong />}
              </Flex>
            </Flex>
            {listProblem && <Typography.Text type="danger">{listProblem}</Typography.Text>}
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
