import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { AgreementView, SocialOrgView } from '@xiaoshi/contracts';
import { App, Button, Card, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { AgreementDrawer } from './AgreementDrawer';
import { AgreementFormModal } from './AgreementForm';
import { OrgFormModal } from './OrgForm';
import { socialOrgsApi } from './api';
import { text } from './text';

/** 社会组织: the registry and the service agreements with their evaluations and payments. */
export default function SocialOrgsPage() {
  const t = text.useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'agreements' || params.get('agreement') ? 'agreements' : 'registry';
  const agreementId = Number(params.get('agreement')) || null;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'agreements' ? { tab: 'agreements' } : {}, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'registry', label: t('tab.registry'), children: <Registry /> },
            {
              key: 'agreements',
              label: t('tab.agreements'),
              children: (
                <Agreements
                  open={agreementId}
                  onOpen={(id) => setParams(id ? { tab: 'agreements', agreement: String(id) } : { tab: 'agreements' }, { replace: true })}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

function Registry() {
  const t = text.useT();
  const { can, user } = useAuth();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<SocialOrgView | 'new' | null>(null);
  const orgs = useQuery({ queryKey: ['social-orgs', 'list'], queryFn: ({ signal }) => socialOrgsApi.list(signal) });
  // The roles that see personal data in clear (the API checks the same).
  const revealer = !!user?.roles.some((role) => role === 'district_admin' || role === 'finance');

  const reveal = async (org: SocialOrgView) => {
    try {
      const contact = await socialOrgsApi.revealContact(org.id);
      modal.info({ title: org.name, content: t('org.revealed', { name: contact.contactName, phone: contact.contactPhone }) });
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  if (orgs.isError) return <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} compact />;
  return (
    <Flex vertical gap={12}>
      {can('social_orgs.manage') && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('org.add')}
          </Button>
        </Flex>
      )}
      <Table<SocialOrgView>
        className="xs-social-orgs"
        rowKey="id"
        loading={orgs.isPending}
        dataSource={orgs.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        columns={[
          {
            title: t('org.name'),
            key: 'name',
            render: (_, row) => (
              <Flex vertical>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>{row.name}</Typography.Text>
                  {row.isDemo && <Tag color="orange">{t('demo')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
                  {row.creditCode}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('org.type'), dataIndex: 'orgType', responsive: ['md'], render: (type: SocialOrgView['orgType']) => t(`org.type.${type}`) },
          {
            title: t('org.qualifications'),
            key: 'qualifications',
            responsive: ['lg'],
            render: (_, row) => (
              <Flex gap={4} wrap>
                {row.qualifications.map((item) => (
                  <Tag key={item}>{item}</Tag>
                ))}
              </Flex>
            ),
          },
          { title: t('org.serviceAreas'), key: 'areas', responsive: ['lg'], render: (_, row) => row.serviceAreas.join('、') },
          { title: t('org.introducedYear'), dataIndex: 'introducedYear', render: (year: number | null) => year ?? '—' },
          {
            title: t('org.contact'),
            key: 'contact',
            render: (_, row) => (
              <Flex vertical>
                <span>{row.contactName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.contactPhone}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('tab.agreements'),
            key: 'agreements',
            responsive: ['md'],
            render: (_, row) => t('org.agreements', { count: row.agreements, passed: row.evaluationsPassed }),
          },
          {
            title: '',
            key: 'actions',
            render: (_, row) => (
              <Flex gap={4}>
                {can('social_orgs.manage') && (
                  <Button size="small" onClick={() => setEditing(row)}>
                    {t('org.edit')}
                  </Button>
                )}
                {revealer && (
                  <Button size="small" icon={<EyeOutlined />} onClick={() => void reveal(row)}>
                    {t('org.reveal')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <OrgFormModal org={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}

function Agreements({ open, onOpen }: { open: number | null; onOpen: (id: number | null) => void }) {
  const t = text.useT();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const agreements = useQuery({ queryKey: ['social-orgs', 'agreements'], queryFn: ({ signal }) => socialOrgsApi.agreements({}, signal) });
  if (agreements.isError) return <QueryError error={agreements.error} onRetry={() => void agreements.refetch()} compact />;
  return (
    <Flex vertical gap={12}>
      {can('social_orgs.manage') && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('agr.add')}
          </Button>
        </Flex>
      )}
      <Table<AgreementView>
        className="xs-agreements"
        rowKey="id"
        loading={agreements.isPending}
        dataSource={agreements.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        columns={[
          {
            title: t('agr.title'),
            key: 'title',
            render: (_, row) => (
              <Flex vertical>
                <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', justifyContent: 'flex-start' }} onClick={() => onOpen(row.id)}>
                  {row.title}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.socialOrg.name}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('agr.year'), dataIndex: 'year' },
          {
            title: t('agr.amount'),
            key: 'amount',
            align: 'right',
            render: (_, row) => (
              <Flex vertical align="flex-end">
                <Money fen={row.amountFen} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('agr.paid', { amount: yuan(row.paidFen) })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('eval.title'),
            key: 'evaluations',
            render: (_, row) => {
              const last = row.evaluations[row.evaluations.length - 1];
              return last ? (
                <Tag color={last.passed ? 'green' : 'red'}>
                  {last.passed ? t('eval.passed') : t('eval.failed')} · {last.totalPoints}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('eval.none')}</Typography.Text>
              );
            },
          },
          {
            title: t('agr.tranches'),
            key: 'tranches',
            responsive: ['md'],
            render: (_, row) => (
              <Flex gap={4} wrap>
                {row.tranches.map((tranche) => (
                  <Tag key={tranche.id} color={tranche.status === 'paid' || tranche.status === 'settled_outside' ? 'green' : tranche.status === 'requested' ? 'blue' : 'default'}>
                    {tranche.label} · {t(`tranche.status.${tranche.status}`)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <AgreementDrawer agreementId={open} onClose={() => onOpen(null)} />
      <AgreementFormModal open={creating} onClose={() => setCreating(false)} onSaved={(id) => onOpen(id)} />
    </Flex>
  );
}
