import { useQuery } from '@tanstack/react-query';
import type { StipendPersonDetailView } from '@xiaoshi/contracts';
import { Descriptions, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import { stipendsApi } from '../../api/stipends';
import { Money } from '../../components/Money';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { type StipendKey } from './i18n';
import { RevealButton } from './RevealButton';
import { leaderFieldText } from './leader-field-text';
import { StatusTag } from './shared';
import { stipendText } from './i18n';
import { useLang } from '../../i18n/i18n';

type Post = StipendPersonDetailView['posts'][number];
type Payment = StipendPersonDetailView['payments'][number];

/** A person's details, the posts they held and every payment made to them. */
export function PersonDrawer({ personId, onClose }: { personId: number | null; onClose: () => void }) {
  const s = stipendText.useT();
  const lang = useLang();
  const lt = leaderFieldText.useT();
  const person = useQuery({
    queryKey: ['stipends', 'person', personId],
    queryFn: ({ signal }) => stipendsApi.person(personId!, signal),
    enabled: personId !== null,
  });
  const data = person.data;

  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      title={data ? `${s('person.title')} · ${data.name}` : s('person.title')}
      extra={data && <RevealButton personId={data.id} name={data.name} />}
      size="large"
      destroyOnHidden
    >
      {person.isPending ? (
        <PageSpinner />
      ) : person.isError ? (
        <QueryError error={person.error} onRetry={() => void person.refetch()} compact />
      ) : data ? (
        <Flex vertical gap={24}>
          <Descriptions
            title={s('person.basic')}
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            bordered
            styles={{ content: { wordBreak: 'break-all' } }}
            items={[
              { key: 'id', label: s('person.nationalId'), children: data.nationalId },
              {
                key: 'birth',
                label: s('person.birth'),
                children: `${data.birthDate ?? '—'} / ${s(`sex.${data.sex}`)}`,
              },
              { key: 'street', label: s('person.street'), children: data.street.name },
              { key: 'community', label: s('person.community'), children: data.community.name },
              ...(data.departureDate
                ? [
                    {
                      key: 'departure',
                      label: s('person.departure'),
                      children: `${data.departureDate} / ${s(data.normalDeparture ? 'departure.normal' : 'departure.abnormal')}`,
                    },
                  ]
                : []),
              ...(data.building
                ? [
                    { key: 'buildings', label: lt('buildings'), children: `${data.building.buildings}（${lt('buildingCount', { count: data.building.buildingCount })}）` },
                    { key: 'units', label: lt('units'), children: data.building.units ?? '—' },
                    { key: 'households', label: lt('households'), children: data.building.households },
                    { key: 'phone', label: lt('phone'), children: data.building.phone },
                  ]
                : []),
              { key: 'eligible', label: s('person.eligibleFrom'), children: data.eligibleFrom },
              { key: 'rate', label: s('person.rate'), children: <Money fen={data.monthlyRateFen} /> },
              {
                key: 'status',
                label: s('person.status'),
                children: (
                  <Flex gap={6} align="center" wrap>
                    <StatusTag prefix="status" status={data.removedOn ? 'removed' : data.status} />
                    {data.isDemo && <Tag color="orange">{s('demo')}</Tag>}
                  </Flex>
                ),
              },
              { key: 'bank', label: s('person.bank'), children: data.bankName },
              { key: 'account', label: s('person.account'), children: data.bankAccount },
              ...(data.deathDate
                ? [{ key: 'death', label: s('person.deathDate'), children: data.deathDate }]
                : []),
              ...(data.removedOn
                ? [
                    {
                      key: 'removed',
                      label: s('person.removed'),
                      children: `${data.removedOn} / ${data.removalReason ?? ''}`,
                      span: 2,
                    },
                  ]
                : []),
            ]}
          />
          {data.building === null && (
          <div>
            <Typography.Title level={5}>{s('person.posts')}</Typography.Title>
            <Table<Post>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.posts}
              columns={[
                {
                  title: s('person.post'),
                  dataIndex: 'post',
                  render: (post: string) => s(`post.${post}` as StipendKey),
                },
                {
                  title: s('person.term'),
                  key: 'term',
                  render: (_, row) => `${row.termStart} ~ ${row.termEnd ?? s('person.present')}`,
                },
              ]}
            />
          </div>
          )}
          <div>
            <Typography.Title level={5}>{s('person.payments')}</Typography.Title>
            {data.payments.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s('person.noPayments')} />
            ) : (
              <Table<Payment>
                size="small"
                rowKey={(row) => `${row.batchId}`}
                pagination={false}
                dataSource={data.payments}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: s('person.period'), dataIndex: 'period' },
                  {
                    title: s('person.months'),
                    dataIndex: 'months',
                    render: (months: string[]) => months.join('、'),
                  },
                  {
                    title: s('person.amount'),
                    dataIndex: 'amountFen',
                    align: 'right',
                    render: (fen: number) => <Money fen={fen} />,
                  },
                  {
                    title: s('person.batchStatus'),
                    dataIndex: 'batchStatus',
                    render: (status: string) => <StatusTag prefix="batches.status" status={status} />,
                  },
                  {
                    title: s('person.paidAt'),
                    dataIndex: 'paidAt',
                    render: (at: string | null) => (at ? formatDateTime(at, lang, false) : '—'),
                  },
                ]}
              />
            )}
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
