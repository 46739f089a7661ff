import {
  CheckOutlined,
  DownloadOutlined,
  PlusOutlined,
  PrinterOutlined,
  RollbackOutlined,
  StopOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PaymentStatus, PaymentView } from '@xiaoshi/contracts';
import { App, Badge, Button, Card, Empty, Flex, Table, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paymentsApi } from '../../api/delivery';
import { useAuth, useSessionUser } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { PaymentStatusTag, openHtml, useDeliveryRefresh } from '../delivery/shared';
import { ReasonModal, RecordPaymentModal } from './PaymentDialogs';
import { RequestPaymentModal } from './RequestPaymentModal';
import { deliveryText } from '../delivery/i18n';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

type Tab = 'requested' | 'approved' | 'paid' | 'other';
const TABS: Record<Tab, readonly PaymentStatus[]> = {
  requested: ['requested'],
  approved: ['approved'],
  paid: ['paid'],
  other: ['rejected', 'reversed'],
};

type Dialog =
  | { kind: 'request' }
  | { kind: 'record'; payment: PaymentView }
  | { kind: 'reject'; payment: PaymentView }
  | { kind: 'reverse'; payment: PaymentView }
  | null;

/** 财务拨付: the finance queue — to approve, to pay, paid — with the register and vouchers. */
export default function PaymentsPage() {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const user = useSessionUser();
  const { message, modal } = App.useApp();
  const refresh = useDeliveryRefresh();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'requested';
  const [dialog, setDialog] = useState<Dialog>(null);
  const [exporting, setExporting] = useState(false);
  const payments = useQuery({
    queryKey: ['payments', 'list', 'all'],
    queryFn: ({ signal }) => paymentsApi.list({}, signal),
  });
  const all = payments.data ?? [];
  const count = (key: Tab) => all.filter((p) => TABS[key].includes(p.status)).length;
  const shown = all.filter((p) => TABS[tab].includes(p.status));

  const approve = useMutation({
    mutationFn: (id: number) => paymentsApi.approve(id),
    onSuccess: async () => {
      void message.success(d('payments.approved'));
      await refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const confirmApprove = (payment: PaymentView) =>
    modal.confirm({
      title: d('payments.approve'),
      content: d('payments.approveConfirm', { id: payment.id, amount: yuan(payment.amountFen) }),
      okText: d('payments.approve'),
      cancelText: t('cancel'),
      okButtonProps: { id: 'payment-approve-confirm' },
      onOk: () => approve.mutateAsync(payment.id).catch(() => undefined),
    });

  const voucher = async (payment: PaymentView) => {
    try {
      if (!(await openHtml(() => paymentsApi.voucher(payment.id))))
        void message.info(d('payments.popupBlocked'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const exportRegister = async () => {
    setExporting(true);
    try {
      saveFile(await paymentsApi.register(), '拨付登记簿.xlsx');
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const actions = (payment: PaymentView) => {
    const own = payment.requestedBy.id === user.id;
    return (
      <Flex gap={4} wrap>
        {payment.status === 'requested' && can('payments.approve') && (
          <>
            <Tooltip title={own ? d('payments.selfApproval') : undefined}>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                disabled={own}
                onClick={() => confirmApprove(payment)}
                data-testid={`approve-${payment.id}`}
              >
                {d('payments.approve')}
              </Button>
            </Tooltip>
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              onClick={() => setDialog({ kind: 'reject', payment })}
            >
              {d('payments.reject')}
            </Button>
          </>
        )}
        {payment.status === 'approved' && can('payments.record') && (
          <Button
            size="small"
            type="primary"
            icon={<WalletOutlined />}
            onClick={() => setDialog({ kind: 'record', payment })}
            data-testid={`record-${payment.id}`}
          >
            {d('payments.recordPaid')}
          </Button>
        )}
        {payment.status === 'approved' && can('payments.approve') && (
          <Button
            size="small"
            danger
            icon={<StopOutlined />}
            onClick={() => setDialog({ kind: 'reject', payment })}
          >
            {d('payments.reject')}
          </Button>
        )}
        {payment.status === 'paid' && can('payments.record') && (
          <Button
            size="small"
            danger
            icon={<RollbackOutlined />}
            onClick={() => setDialog({ kind: 'reverse', payment })}
          >
            {d('payments.reverse')}
          </Button>
        )}
        {(payment.status === 'paid' || payment.status === 'approved' || payment.status === 'reversed') && (
          <Button size="small" icon={<PrinterOutlined />} onClick={() => void voucher(payment)}>
            {d('payments.voucher')}
          </Button>
        )}
      </Flex>
    );
  };

  // A row has a button unless it waits for an approval this user cannot give, or was rejected.
  const hasActions = (payment: PaymentView) =>
    payment.status === 'requested' ? can('payments.approve') : payment.status !== 'rejected';

  const showActions = shown.some(hasActions);

  const tabLabel = (key: Tab, label: string) => (
    <Flex align="center" gap={6}>
      {label}
      <Badge
        count={count(key)}
        showZero
        color={key === 'requested' || key === 'approved' ? '#2563eb' : '#94a3b8'}
        overflowCount={999}
      />
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={d('payments.title')}
        subtitle={d('payments.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportRegister()}>
              {d('payments.register')}
            </Button>
            {can('payments.request') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'request' })}>
                {d('payments.request')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={(
            [
              ['requested', d('payments.tab.requested')],
              ['approved', d('payments.tab.approved')],
              ['paid', d('payments.tab.paid')],
              ['other', d('payments.tab.other')],
            ] as const
          ).map(([key, label]) => ({ key, label: tabLabel(key, label) }))}
        />
        {payments.isError ? (
          <QueryError error={payments.error} onRetry={() => void payments.refetch()} />
        ) : (
          <Table<PaymentView>
            rowKey="id"
            loading={payments.isPending}
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: showActions ? 1080 : 870 }}
            locale={{
              emptyText: <Empty description={d('payments.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
            }}
            onRow={(payment) =>
              ({ 'data-testid': `payment-${payment.id}` }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: d('payments.col.id'), dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
              {
                title: d('payments.col.titlePayee'),
                key: 'title',
                render: (_, payment) => (
                  <Flex vertical gap={2}>
                    {payment.projectId ? (
                      <Link to={`/projects/${payment.projectId}`}>{payment.title}</Link>
                    ) : (
                      <Typography.Text>{payment.title}</Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {payment.payee} · {payment.purpose}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: d('payments.col.amount'),
                key: 'amount',
                width: 150,
                align: 'right',
                render: (_, payment) => <Money fen={payment.amountFen} showWan stacked strong />,
              },
              {
                title: d('payments.col.requestedBy'),
                key: 'requested',
                width: 150,
                render: (_, payment) => (
                  <Flex vertical gap={2}>
                    <Typography.Text>{payment.requestedBy.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(payment.requestedAt, lang, false)}
                    </Typography.Text>
                  </Flex>
                ),
              },
              ...(tab === 'requested'
                ? []
                : [
                    {
                      title: d('payments.col.paid'),
                      key: 'paid',
                      width: 200,
                      render: (_: unknown, payment: PaymentView) => (
                        <Flex vertical gap={2}>
                          {payment.approvedBy && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {d('payments.col.approvedBy')}：{payment.approvedBy.name}
                            </Typography.Text>
                          )}
                          {payment.paidOn && (
                            <Typography.Text style={{ fontSize: 12 }}>
                              {d('payments.paidLine', {
                                date: payment.paidOn,
                                voucher: payment.voucherNo ?? '',
                              })}
                            </Typography.Text>
                          )}
                          {payment.bankReference && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {d('payments.bankLine', { reference: payment.bankReference })}
                            </Typography.Text>
                          )}
                          {(payment.rejectedReason || payment.reversedReason) && (
                            <Typography.Text type="danger" style={{ fontSize: 12 }}>
                              {payment.rejectedReason ?? payment.reversedReason}
                            </Typography.Text>
                          )}
                        </Flex>
                      ),
                    },
                  ]),
              {
                title: d('payments.col.status'),
                key: 'status',
                width: 90,
                render: (_, payment) => <PaymentStatusTag status={payment.status} />,
              },
              // No empty column pinned over the others (it hid the status) when no row has a button.
              ...(showActions
                ? [
                    {
                      title: d('payments.col.actions'),
                      key: 'actions',
                      width: 210,
                      fixed: 'right' as const,
                      render: (_: unknown, p: PaymentView) => actions(p),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <RequestPaymentModal open={dialog?.kind === 'request'} onClose={() => setDialog(null)} />
      <RecordPaymentModal
        payment={dialog?.kind === 'record' ? dialog.payment : null}
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        payment={dialog?.kind === 'reject' || dialog?.kind === 'reverse' ? dialog.payment : null}
        action={dialog?.kind === 'reverse' ? 'reverse' : 'reject'}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
