import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PerformanceTableView } from '@xiaoshi/contracts';
import { Button, Flex, Form, Radio, Select } from 'antd';
import { useMetrics } from '../shared';
import { text } from '../text';
import { useLang } from '../../../i18n/i18n';
import { type EditorValues } from './values';

export function BindingFields({ index, table }: { index: number; table: PerformanceTableView }) {
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
