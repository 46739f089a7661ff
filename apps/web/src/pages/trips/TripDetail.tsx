import { ArrowLeftOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TRIP_COST_KINDS, TRIP_EVIDENCE_KINDS, type TripEvidenceKind } from '@xiaoshi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiDownload } from '../../api/client';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { tripsApi } from './api';
import { TripFormModal } from './TripForm';
import { TripStatusTag } from './TripStatusTag';
import { text } from './text';
import { ParticipantsModal } from './detail/ParticipantsModal';
import { AttendanceModal } from './detail/AttendanceModal';
import { CostsModal } from './detail/CostsModal';
import { ReturnModal } from './detail/ReturnModal';

type Dialog = 'edit' | 'participants' | 'attendance' | 'costs' | 'return' | null;

/** One study trip: its estimate, participants, approval, attendance, evidence and actual costs. */
export function TripDetail({ id }: { id: number }) {
  const t = text.useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [evidenceKind, setEvidenceKind] = useState<TripEvidenceKind>('attendance_sheet');
  const [uploading, setUploading] = useState(false);
  const trip = useQuery({
    queryKey: ['trips', 'trip', id],
    queryFn: ({ signal }) => tripsApi.get(id, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['trips'] });

  if (trip.isPending) return <PageSpinner />;
  if (trip.isError) return <QueryError error={trip.error} onRetry={() => void trip.refetch()} />;
  const data = trip.data;
  const actions = data.availableActions;

  const act = (action: 'submit' | 'approve' | 'cancel', label: string) =>
    modal.confirm({
      title: t('action.confirm', { action: label }),
      okText: label,
      onOk: async () => {
        try {
          await tripsApi.action(data.id, action, data.version);
          void message.success(t('action.done', { action: label }));
          await refresh();
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await tripsApi.evidence(data.id, evidenceKind, file);
      await refresh();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };

  const openEvidence = async (evidenceId: number) => {
    try {
      const file = await apiDownload(`/api/trip-evidence/${evidenceId}`);
      window.open(URL.createObjectURL(file.blob), '_blank', 'noopener');
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const estimate = data.estimate;
  return (
    <>
      <PageHeader
        title={data.title}
        subtitle={`${data.destination} · ${data.startDate} ~ ${data.endDate}`}
        extra={
          <Link to="/trips">
            <Button icon={<ArrowLeftOutlined />}>{t('back')}</Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Flex vertical gap={12}>
            <Flex gap={8} wrap align="center">
              <TripStatusTag status={data.status} />
              {data.isDemo && <Tag color="orange">{t('demo')}</Tag>}
              {data.approvedBy && (
                <Typography.Text type="secondary">
                  {t('detail.approvedBy', { name: data.approvedBy })}
                </Typography.Text>
              )}
            </Flex>
            {data.returnReason && (
              <Alert
                type="warning"
                showIcon
                title={t('detail.returnReason', { reason: data.returnReason })}
              />
            )}
            <Flex gap={8} wrap className="xs-trip-actions">
              {actions.includes('edit') && (
                <Button onClick={() => setDialog('edit')}>{t('action.edit')}</Button>
              )}
              {actions.includes('edit') && (
                <Button onClick={() => setDialog('participants')}>{t('detail.editParticipants')}</Button>
              )}
              {actions.includes('submit') && (
                <Button type="primary" onClick={() => act('submit', t('action.submit'))}>
                  {t('action.submit')}
                </Button>
              )}
              {actions.includes('approve') && (
                <Button type="primary" onClick={() => act('approve', t('action.approve'))}>
                  {t('action.approve')}
                </Button>
              )}
              {actions.includes('return') && (
                <Button danger onClick={() => setDialog('return')}>
                  {t('action.return')}
                </Button>
              )}
              {actions.includes('attendance') && (
                <Button onClick={() => setDialog('attendance')}>{t('action.attendance')}</Button>
              )}
              {actions.includes('costs') && (
                <Button type="primary" onClick={() => setDialog('costs')}>
                  {t('action.costs')}
                </Button>
              )}
              {actions.includes('cancel') && (
                <Button danger type="text" onClick={() => act('cancel', t('action.cancel'))}>
                  {t('action.cancel')}
                </Button>
              )}
            </Flex>
            {data.purpose && (
              <Typography.Paragraph style={{ margin: 0 }}>{data.purpose}</Typography.Paragraph>
            )}
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'line', label: t('form.budgetLine'), children: data.budgetLine.name },
                { key: 'days', label: t('col.dates'), children: t('col.days', { days: data.days }) },
                { key: 'category', label: t('form.category'), children: data.categoryLabel },
              ]}
            />
          </Flex>
        </Card>

        <Card variant="borderless" title={t('detail.estimate')} className="xs-trip-estimate">
          <Flex vertical gap={6}>
            <Typography.Text strong style={{ fontSize: 18 }}>
              <Money fen={data.estimateFen} strong />
            </Typography.Text>
            <Typography.Text>
              {t('detail.estimateFormula', {
                headcount: estimate.headcount,
                days: estimate.days,
                rate: yuan(estimate.perPersonPerDayFen),
                norm: yuan(estimate.normFen),
                travel: yuan(estimate.travelFen),
                total: yuan(estimate.totalFen),
              })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('detail.norm', {
                doc: estimate.normVersion.documentNumber,
                from: estimate.normVersion.effectiveFrom,
                category: data.categoryLabel,
              })}
            </Typography.Text>
          </Flex>
        </Card>

        <Card
          variant="borderless"
          title={`${t('detail.participants')} · ${t('col.participantsValue', { people: data.participants, communities: data.communities })}`}
        >
          <Table
            size="small"
            rowKey="id"
            pagination={data.participantList.length > 20 ? { pageSize: 20, size: 'small' } : false}
            dataSource={data.participantList}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('detail.name'), dataIndex: 'name' },
              { title: t('detail.post'), dataIndex: 'post' },
              { title: t('detail.community'), key: 'community', render: (_, row) => row.community.name },
              {
                title: t('detail.street'),
                key: 'street',
                responsive: ['md'],
                render: (_, row) => row.street.name,
              },
              {
                title: t('detail.attended'),
                dataIndex: 'attended',
                render: (attended: boolean | null) =>
                  attended === null ? (
                    '—'
                  ) : attended ? (
                    <Tag color="green">{t('detail.present')}</Tag>
                  ) : (
                    <Tag>{t('detail.absent')}</Tag>
                  ),
              },
            ]}
          />
        </Card>

        <Card
          variant="borderless"
          title={t('detail.evidence')}
          extra={
            (data.status === 'approved' || data.status === 'completed') &&
            actions.length > 0 && (
              <Space wrap>
                <Select
                  aria-label={t('detail.evidence')}
                  value={evidenceKind}
                  style={{ width: 120 }}
                  options={TRIP_EVIDENCE_KINDS.map((kind) => ({
                    value: kind,
                    label: t(`detail.evidenceKind.${kind}`),
                  }))}
                  onChange={setEvidenceKind}
                />
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={uploading}>
                    {t('detail.upload')}
                  </Button>
                </Upload>
              </Space>
            )
          }
        >
          {data.evidence.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noEvidence')} />
          ) : (
            <Flex vertical gap={4}>
              {data.evidence.map((item) => (
                <Flex key={item.id} gap={8} align="center" wrap>
                  <Tag>{t(`detail.evidenceKind.${item.kind}`)}</Tag>
                  <Button
                    type="link"
                    size="small"
                    icon={<PaperClipOutlined />}
                    onClick={() => void openEvidence(item.id)}
                  >
                    {item.originalName}
                  </Button>
                </Flex>
              ))}
            </Flex>
          )}
        </Card>

        {data.costs.length > 0 && (
          <Card variant="borderless" title={t('detail.costs')}>
            <Flex vertical gap={8}>
              <Table
                size="small"
                rowKey={(_, index) => String(index)}
                pagination={false}
                dataSource={data.costs}
                columns={[
                  {
                    title: t('detail.costItem'),
                    dataIndex: 'kind',
                    render: (kind: string) =>
                      t(`detail.costKind.${kind as (typeof TRIP_COST_KINDS)[number]}`),
                  },
                  {
                    title: t('detail.amount'),
                    dataIndex: 'amountFen',
                    align: 'right',
                    render: (fen: number) => <Money fen={fen} />,
                  },
                  { title: t('detail.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t('col.actual')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <Money fen={data.actualFen ?? 0} strong />
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} />
                  </Table.Summary.Row>
                )}
              />
              {data.directExpenditureId && (
                <Alert
                  type="success"
                  showIcon
                  title={t('detail.expenditure', { id: data.directExpenditureId })}
                />
              )}
            </Flex>
          </Card>
        )}
      </Flex>
      <TripFormModal open={dialog === 'edit'} trip={data} onClose={() => setDialog(null)} />
      <ParticipantsModal open={dialog === 'participants'} trip={data} onClose={() => setDialog(null)} />
      <AttendanceModal open={dialog === 'attendance'} trip={data} onClose={() => setDialog(null)} />
      <CostsModal open={dialog === 'costs'} trip={data} onClose={() => setDialog(null)} />
      <ReturnModal open={dialog === 'return'} trip={data} onClose={() => setDialog(null)} />
    </>
  );
}
