import { CheckCircleTwoTone } from '@ant-design/icons';
import type { InspectionView, PaymentView, ProgressReportView, ProjectView } from '@xiaoshi/contracts';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { type ReactNode } from 'react';
import { percentOfBp, yuan } from '../../../lib/money';
import { formatDateTime } from '../../../lib/time';
import { type DeliveryKey, type DeliveryText } from '../i18n';
import { PaymentStatusTag, conditionLabel, kindLabel } from '../shared';
import { deliveryText } from '../i18n';
import { useLang } from '../../../i18n/i18n';
import { OPEN } from './StatusBanner';

export interface Event {
  at: number;
  color: string;
  content: ReactNode;
  key: string;
}

export function paymentEvents(payment: PaymentView, d: DeliveryText, lang: 'zh' | 'en'): Event[] {
  const events: Event[] = [
    {
      key: `pay-${payment.id}`,
      at: Date.parse(payment.requestedAt),
      color: 'gray',
      content: (
        <Flex vertical>
          <Typography.Text>
            {d('timeline.payment', { id: payment.id, amount: yuan(payment.amountFen) })}
            {(payment.status === 'rejected' || payment.status === 'requested') && (
              <span style={{ marginInlineStart: 6 }}>
                <PaymentStatusTag status={payment.status} />
              </span>
            )}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {payment.purpose} · {payment.requestedBy.name} ·{' '}
            {formatDateTime(payment.requestedAt, lang, false)}
            {payment.rejectedReason ? ` · ${payment.rejectedReason}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  if (payment.approvedAt && payment.approvedBy)
    events.push({
      key: `approved-${payment.id}`,
      at: Date.parse(payment.approvedAt),
      color: 'blue',
      content: (
        <Flex vertical>
          <Typography.Text>
            {d('timeline.approvedPayment', { id: payment.id, name: payment.approvedBy.name })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(payment.approvedAt, lang, false)}
          </Typography.Text>
        </Flex>
      ),
    });
  if (payment.recordedAt)
    events.push({
      key: `paid-${payment.id}`,
      at: Date.parse(payment.recordedAt),
      color: 'green',
      content: (
        <Flex vertical>
          <Typography.Text strong>
            {d('timeline.paid', {
              id: payment.id,
              amount: yuan(payment.amountFen),
              voucher: payment.voucherNo ?? '',
            })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {payment.paidOn}
          </Typography.Text>
        </Flex>
      ),
    });
  if (payment.reversedAt)
    events.push({
      key: `rev-${payment.id}`,
      at: Date.parse(payment.reversedAt),
      color: 'red',
      content: d('timeline.reversed', { id: payment.id, reason: payment.reversedReason ?? '' }),
    });
  return events;
}

/** Approval, tranches paid, progress reports, inspections and payments, in order. */
export function ProjectTimeline({
  project: p,
  reports,
  inspections,
  payments,
}: {
  project: ProjectView;
  reports: ProgressReportView[];
  inspections: InspectionView[];
  payments: PaymentView[];
}) {
  const d = deliveryText.useT();
  const lang = useLang();
  const events: Event[] = [
    ...reports.map((report) => ({
      key: `report-${report.id}`,
      at: Date.parse(report.createdAt),
      color: 'blue',
      content: (
        <Flex vertical>
          <Typography.Text>
            {d('timeline.report', { period: report.period, percent: report.percentComplete })}
            {report.midterm && <Tag style={{ marginInlineStart: 6 }}>{d('timeline.midterm')}</Tag>}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {report.author} · {formatDateTime(report.createdAt, lang, false)}
          </Typography.Text>
        </Flex>
      ),
    })),
    ...inspections.flatMap((inspection) => {
      const kind = kindLabel(d, inspection.kind);
      const recordedAt = inspection.recordedAt ? Date.parse(inspection.recordedAt) : null;
      const list: Event[] = [
        {
          key: `assign-${inspection.id}`,
          // The round was assigned before it was recorded; an open round sits at the end.
          at: recordedAt !== null ? recordedAt - 1 : Number.MAX_SAFE_INTEGER - 1,
          color: 'purple',
          content: d('timeline.assigned', {
            round: inspection.round,
            kind,
            names: inspection.inspectors.map((i) => i.name).join('、'),
          }),
        },
      ];
      if (recordedAt !== null && inspection.outcome)
        list.push({
          key: `record-${inspection.id}`,
          at: recordedAt,
          color:
            inspection.outcome === 'passed'
              ? 'green'
              : inspection.outcome === 'rectification'
                ? 'orange'
                : 'red',
          content: (
            <Flex vertical>
              <Typography.Text strong>
                {d('timeline.recorded', {
                  round: inspection.round,
                  kind,
                  outcome: d(`outcome.${inspection.outcome}`),
                })}
              </Typography.Text>
              {inspection.findings && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {inspection.findings}
                </Typography.Text>
              )}
            </Flex>
          ),
        });
      return list;
    }),
    ...payments.flatMap((payment) => paymentEvents(payment, d, lang)),
  ].sort((a, b) => a.at - b.at);

  return (
    <div data-testid="project-timeline">
      <Timeline
        className="xs-dl-timeline"
        items={[
          {
            key: 'approved',
            color: 'green',
            icon: <CheckCircleTwoTone twoToneColor="#16a34a" />,
            content: (
              <Flex vertical>
                <Typography.Text strong>
                  {d('timeline.approved', { amount: yuan(p.amountFen) })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.tranches
                    .map(
                      (tranche) =>
                        `${percentOfBp(tranche.percentBp)} ${conditionLabel(d, tranche.condition, tranche.conditionLabel)}`,
                    )
                    .join('；')}
                </Typography.Text>
              </Flex>
            ),
          },
          ...events.map((event) => ({ key: event.key, color: event.color, content: event.content })),
          {
            key: 'now',
            color: 'gray',
            loading: OPEN.includes(p.status),
            content: (
              <Typography.Text type="secondary">
                {d('timeline.now', { status: d(`status.${p.status}` as DeliveryKey) })}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
