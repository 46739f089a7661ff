import {
  UpdateTableVersionRequest,
  type IndicatorNatureKey,
  type PerformanceTableView,
  type ScoringRuleKey,
} from '@xiaoshi/contracts';
import { INDICATOR_NATURES, LEVEL_NAMES, SCORING_RULES } from '@xiaoshi/domain';
import { AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { natureLabel } from '../shared';
import { text } from '../text';
import { type EditorValues } from './values';
import { BindingFields } from './BindingFields';
import { useZodRules } from '../../../lib/zod-form';

export function IndicatorFields({ index, table }: { index: number; table: PerformanceTableView }) {
  const t = text.useT();
  const form = Form.useFormInstance<EditorValues>();
  const rules = useZodRules(UpdateTableVersionRequest);
  const level1 = Form.useWatch(['indicators', index, 'level1'], form) as string | undefined;
  const nature = Form.useWatch(['indicators', index, 'nature'], form) as IndicatorNatureKey | undefined;
  const qualitative = nature === 'qualitative';
  const level2Options = (LEVEL_NAMES.find((level) => level.level1 === level1)?.level2 ?? []).map((value) => ({
    value,
  }));
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'level1']} label={t('col.level1')} rules={rules('indicators[].level1')}>
          <AutoComplete options={LEVEL_NAMES.map((level) => ({ value: level.level1 }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'level2']} label={t('col.level2')} rules={rules('indicators[].level2')}>
          <AutoComplete options={level2Options} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'name']} label={t('col.level3')} rules={rules('indicators[].name')}>
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
        <Form.Item
          name={[index, 'target']}
          label={t('col.target')}
          rules={rules('indicators[].target', { optional: true })}
        >
          <InputNumber style={{ width: '100%' }} disabled={qualitative} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item
          name={[index, 'unit']}
          label={t('col.unit')}
          rules={rules('indicators[].unit', { optional: true })}
        >
          <AutoComplete options={['个', '件', '人', '%', '元', '万元', '天'].map((value) => ({ value }))} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item
          name={[index, 'points']}
          label={t('col.points')}
          rules={rules('indicators[].points', { optional: true })}
        >
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
        <Form.Item
          name={[index, 'targetText']}
          label={t('editor.targetText')}
          rules={rules('indicators[].targetText')}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={[index, 'ruleText']} label={t('col.rule')} rules={rules('indicators[].ruleText')}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[index, 'content']} label={t('col.content')} rules={rules('indicators[].content')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[index, 'basis']} label={t('col.basis')} rules={rules('indicators[].basis')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={[index, 'dataSource']}
          label={t('editor.dataSource')}
          rules={rules('indicators[].dataSource')}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={[index, 'attributeCode']}
          label={t('col.attribute')}
          rules={rules('indicators[].attributeCode')}
        >
          <Input maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <BindingFields index={index} table={table} />
      </Col>
    </Row>
  );
}
