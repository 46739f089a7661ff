import { FUNDING_SOURCES } from '@xiaoshi/domain';
import { Checkbox, Form, InputNumber, Switch, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider';
import { attachmentTypeLabel, fundingSourceLabel } from '../../../i18n/pipelineLabels';
import { APPLICATION_ATTACHMENT_TYPES } from '../../../lib/enums';

/** Step 4: which funding sources must be above zero, the co-funding share, required attachments. */
export function RulesStep() {
  const { t, lang } = useI18n();
  return (
    <>
      <Form.Item
        name="requiredSources"
        label={t('competitions.field.requiredSources')}
        extra={t('competitions.requiredSourcesHelp')}
      >
        <Checkbox.Group
          options={FUNDING_SOURCES.filter((source) => source !== 'requestedSubsidy').map((source) => ({
            value: source,
            label: fundingSourceLabel(source, lang),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="minCoFundingPercent"
        label={t('competitions.field.minCoFundingShare')}
        extra={t('competitions.minCoFundingHelp')}
      >
        <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="requiredAttachmentTypes"
        label={t('competitions.field.requiredAttachmentTypes')}
        extra={t('competitions.requiredAttachmentsHelp')}
      >
        <Checkbox.Group
          options={APPLICATION_ATTACHMENT_TYPES.filter((type) => type !== 'other').map((type) => ({
            value: type,
            label: attachmentTypeLabel(type, lang),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="requiresPartner"
        label={t('competitions.field.requiresPartner')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Typography.Text type="secondary">{t('competitions.partnerHelp')}</Typography.Text>
    </>
  );
}
