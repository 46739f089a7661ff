import { CreateCompetitionRequest } from '@xiaoshi/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { parseYuan, wan } from '../../../lib/money';
import { nextKey } from './presets';
import { competitionsText } from '../text';
import { useZodRules, yuanOptions } from '../../../lib/zod-form';

/** Step 2: categories with their per-project subsidy caps (单个项目补助上限). */
export function CategoriesStep({ hasApplicationsHint }: { hasApplicationsHint: boolean }) {
  const t = competitionsText.useT();
  const form = Form.useFormInstance();
  const rules = useZodRules(CreateCompetitionRequest);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('categoriesHelp')}</Typography.Paragraph>
      {hasApplicationsHint && (
        <Alert type="info" showIcon title={t('categoriesLockedHint')} style={{ marginBottom: 12 }} />
      )}
      <Form.List
        name="categories"
        rules={[
          {
            validator: async (_, rows?: Array<{ key?: string }>) => {
              if (!rows || rows.length === 0) throw new Error(t('categoriesRequired'));
              const keys = rows.map((row) => row.key);
              if (new Set(keys).size !== keys.length) throw new Error(t('categoryKeysRepeat'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            <Flex gap={8} className="xs-list-header">
              <span style={{ width: 20 }} />
              <span style={{ flex: '2 1 160px' }}>{t('field.categoryName')}</span>
              <span style={{ flex: '1 1 110px' }}>{t('field.categoryKey')}</span>
              <span style={{ flex: '2 1 180px' }}>{t('field.cap')}</span>
              <span style={{ width: 32 }} />
            </Flex>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap className="xs-list-row">
                <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
                  {index + 1}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={rules('categories[].name', { required: t('categoryNameRequired') })}
                  style={{ flex: '2 1 160px', marginBottom: 0 }}
                >
                  <Input
                    placeholder={t('field.categoryName')}
                    maxLength={50}
                    aria-label={t('field.categoryName')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={rules('categories[].key', { message: t('keyInvalid'), required: t('keyInvalid') })}
                  style={{ flex: '1 1 110px', marginBottom: 0 }}
                  tooltip={t('keyHelp')}
                >
                  <Input
                    placeholder={t('field.categoryKey')}
                    maxLength={30}
                    aria-label={t('field.categoryKey')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'cap']}
                  rules={rules('categories[].capFen', yuanOptions())}
                  style={{ flex: '2 1 180px', marginBottom: 0 }}
                  extra={<CapInWan name={field.name} />}
                >
                  <Input
                    placeholder={t('field.cap')}
                    suffix="元"
                    inputMode="decimal"
                    aria-label={t('field.cap')}
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
                add({ key: nextKey('cat', form.getFieldValue('categories') ?? []), name: '', cap: '' })
              }
              style={{ alignSelf: 'flex-start' }}
            >
              {t('addCategory')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

function CapInWan({ name }: { name: number }) {
  const form = Form.useFormInstance();
  const text = Form.useWatch(['categories', name, 'cap'], form) as string | undefined;
  const fen = parseYuan(text);
  return fen !== null && !Number.isNaN(fen) && fen > 0 ? <span>{wan(fen)}</span> : null;
}
