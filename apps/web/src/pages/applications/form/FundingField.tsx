import { CreateApplicationRequest, type CompetitionView } from '@xiaoshi/contracts';
import { type FundingSource } from '@xiaoshi/domain';
import { Flex, Form, Input, Tag } from 'antd';
import { fundingSourceText } from '../../../i18n/enums';
import { wan, yuan } from '../../../lib/money';
import { useZodRules, yuanOptions } from '../../../lib/zod-form';
import { isBlocking, liveFunding } from '../funding';
import { applicationsText } from '../text';
import { useLang } from '../../../i18n/i18n';

export function FundingField({
  source,
  competition,
  capFen,
  live,
  showViolations,
}: {
  source: FundingSource;
  competition?: CompetitionView;
  capFen?: number;
  live: ReturnType<typeof liveFunding>;
  showViolations: boolean;
}) {
  const t = applicationsText.useT();
  const rules = useZodRules(CreateApplicationRequest);
  const lang = useLang();
  const violation = showViolations ? live.byField.get(`funding.${source}`) : undefined;
  const required = competition?.requiredSources.includes(source);
  const subsidy = source === 'requestedSubsidy';
  return (
    <Form.Item
      name={['funding', source]}
      label={
        <Flex gap={6} align="center">
          {fundingSourceText.label(source)}
          {required && (
            <Tag color="blue" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
              {t('sourceRequired')}
            </Tag>
          )}
        </Flex>
      }
      rules={rules(`funding.${source}`, yuanOptions())}
      // Blank counts as zero: no "(optional)" mark on the amounts.
      required
      validateStatus={violation ? (isBlocking(violation) ? 'error' : 'warning') : undefined}
      help={violation ? (lang === 'en' ? violation.en : violation.zh) : undefined}
      extra={subsidy && capFen ? t('capHint', { yuan: yuan(capFen), wan: wan(capFen) }) : undefined}
    >
      <Input
        suffix="元"
        inputMode="decimal"
        placeholder="0.00"
        aria-label={fundingSourceText.label(source)}
      />
    </Form.Item>
  );
}
