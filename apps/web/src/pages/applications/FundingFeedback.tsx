import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { CompetitionView } from '@xiaoshi/contracts';
import { fundingSummary } from '@xiaoshi/domain';
import { Button, Divider, Flex, Progress, Typography } from 'antd';
import { percentOfBp, yuan } from '../../lib/money';
import { isBlocking, type LiveFunding } from './funding';
import { applicationsText } from './text';
import { useLang } from '../../i18n/i18n';

interface Props {
  live: LiveFunding;
  competition?: CompetitionView;
  categoryId?: number;
  /** Show rule messages (after the user has started costing, or tried to save). */
  showViolations: boolean;
  onFillSubsidy?: (fen: number) => void;
}

function Line({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Flex justify="space-between" gap={8}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>
        {value}
      </Typography.Text>
    </Flex>
  );
}

/**
 * The funding rules, live, beside the form: subsidy against the category cap and the gap the other
 * sources leave, the co-funding share against the competition's minimum, and the balance.
 */
export function FundingFeedback({ live, competition, categoryId, showViolations, onFillSubsidy }: Props) {
  const t = applicationsText.useT();
  const lang = useLang();
  const category = competition?.categories.find((candidate) => candidate.id === categoryId);
  const summary = fundingSummary({ totalCost: live.totalCost, funding: live.funding });
  const subsidy = live.funding.requestedSubsidy;
  const cap = category?.capFen ?? null;
  const maxSubsidy = Math.max(0, cap === null ? summary.gap : Math.min(cap, summary.gap));
  const capPercent = cap ? Math.min(100, Math.round((subsidy / cap) * 100)) : 0;
  const minBp = competition?.minCoFundingShareBp ?? null;
  const share = summary.coFundingShareBp;
  const valid = Number.isFinite(live.totalCost) && !Number.isNaN(subsidy);

  return (
    <Flex vertical gap={10} className="xs-funding-feedback" data-testid="funding-feedback">
      <Typography.Text strong>{t('funding.live')}</Typography.Text>
      <Line label={t('funding.totalCost')} value={valid ? yuan(live.totalCost) : '—'} strong />
      <Line label={t('funding.otherSources')} value={valid ? yuan(summary.otherSources) : '—'} />
      <Line label={t('funding.requested')} value={valid ? yuan(subsidy) : '—'} strong />

      <div>
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('funding.againstCap')}</Typography.Text>
          <Typography.Text type="secondary">
            {cap === null ? t('funding.pickCategory') : yuan(cap)}
          </Typography.Text>
        </Flex>
        <Progress
          percent={capPercent}
          size="small"
          status={cap !== null && subsidy > cap ? 'exception' : 'normal'}
          format={() => `${capPercent}%`}
        />
      </div>
      {valid && live.totalCost > 0 && (
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">
            {t('funding.maxSubsidy', { amount: yuan(maxSubsidy) })}
          </Typography.Text>
          {onFillSubsidy && subsidy !== maxSubsidy && (
            <Button size="small" type="link" onClick={() => onFillSubsidy(maxSubsidy)} style={{ padding: 0 }}>
              {t('funding.fillSubsidy')}
            </Button>
          )}
        </Flex>
      )}

      <div>
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('funding.coFundingShare')}</Typography.Text>
          <Typography.Text type="secondary">
            {minBp ? t('funding.minimumShare', { share: percentOfBp(minBp) }) : t('funding.noMinimumShare')}
          </Typography.Text>
        </Flex>
        <Progress
          percent={share === null ? 0 : Math.max(0, Math.min(100, share / 100))}
          size="small"
          success={minBp ? { percent: 0 } : undefined}
          status={minBp && share !== null && share < minBp ? 'exception' : 'normal'}
          format={() => (share === null ? '—' : percentOfBp(share))}
        />
      </div>

      <Balance remaining={summary.remaining} valid={valid && live.totalCost > 0} />

      {showViolations && live.violations.length > 0 && (
        <>
          <Divider style={{ margin: '4px 0' }} />
          <Flex vertical gap={6} data-testid="funding-violations">
            {live.violations.map((violation, index) => (
              <Flex key={`${violation.field}-${violation.code}-${index}`} gap={6} align="flex-start">
                {isBlocking(violation) ? (
                  <CloseCircleFilled style={{ color: '#dc2626', marginTop: 4 }} />
                ) : (
                  <ExclamationCircleFilled style={{ color: '#f59e0b', marginTop: 4 }} />
                )}
                <Typography.Text style={{ fontSize: 13 }}>
                  {lang === 'en' ? violation.en : violation.zh}
                  {!isBlocking(violation) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      {t('funding.atSubmission')}
                    </Typography.Text>
                  )}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </>
      )}
      {showViolations && live.violations.length === 0 && live.totalCost > 0 && (
        <Flex gap={6} align="center">
          <CheckCircleFilled style={{ color: '#16a34a' }} />
          <Typography.Text style={{ fontSize: 13 }}>{t('funding.allGood')}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

function Balance({ remaining, valid }: { remaining: number; valid: boolean }) {
  const t = applicationsText.useT();
  if (!valid) return null;
  if (remaining === 0)
    return (
      <Flex gap={6} align="center" className="xs-balance xs-balance-ok">
        <CheckCircleFilled style={{ color: '#16a34a' }} />
        <Typography.Text>{t('funding.balanced')}</Typography.Text>
      </Flex>
    );
  return (
    <Flex gap={6} align="center" className="xs-balance xs-balance-bad">
      <ExclamationCircleFilled style={{ color: '#dc2626' }} />
      <Typography.Text>
        {remaining > 0
          ? t('funding.uncovered', { amount: yuan(remaining) })
          : t('funding.overFunded', { amount: yuan(-remaining) })}
      </Typography.Text>
    </Flex>
  );
}
