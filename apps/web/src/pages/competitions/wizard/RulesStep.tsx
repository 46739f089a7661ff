import { FUNDING_SOURCES } from '@xiaoshi/domain';
import { Checkbox, Form, InputNumber, Switch, Typography } from 'antd';
import { attachmentTypeText, fundingSourceText } from '../../../i18n/enums';
import { APPLICATION_ATTACHMENT_TYPES } from '../../../lib/enums';
import { competitionsText } from '../text';

/** Step 4: which funding sources must be above zero, the co-funding share, required attachments. */
export function RulesStep() {
  const t = competitionsText.useT();
  return (
    <>
      <Form.Item
        name="requiredSources"
        label={t('field.requiredSources')}
        extra={t('requiredSourcesHelp')}
      >
        <Checkbox.Group
          options={FUNDING_SOURCES.filter((source) => source !== 'requestedSubsidy').map((source) => ({
            value: source,
            label: fundingSourceText.label(source),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="minCoFundingPercent"
        label={t('field.minCoFundingShare')}
        extra={t('minCoFundingHelp')}
      >
        <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="requiredAttachmentTypes"
        label={t('field.requiredAttachmentTypes')}
        extra={t('requiredAttachmentsHelp')}
      >
        <Checkbox.Group
          options={APPLICATION_ATTACHMENT_TYPES.filter((type) => type !== 'other').map((type) => ({
            value: type,
            label: attachmentTypeText.label(type),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="requiresPartner"
        label={t('field.requiresPartner')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Typography.Text type="secondary">{t('partnerHelp')}</Typography.Text>
    </>
  );
}
