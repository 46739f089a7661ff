import { ArrowLeftOutlined, MinusCircleOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  TRIP_COST_KINDS,
  TRIP_EVIDENCE_KINDS,
  type TripEvidenceKind,
  type TripParticipantInput,
  type TripView,
} from '@xiaoshi/contracts';
import { yuanToFen } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { apiDownload } from '../../api/client';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { errorMessage } from '../../lib/errors';
import { reportFormError } from '../../lib/form-errors';
import { yuan } from '../../lib/money';
import { tripsApi } from './api';
import { TripFormModal } from './TripForm';
import { TripStatusTag } from './TripStatusTag';
import { text } from './text';

type Dialog = 'edit' | 'participants' | 'attendance' | 'costs' | 'return' | null;

/** One study trip: its estimate, participants, approval, attendance, evidence and actual costs. */
export function TripDetail({ id }: { id: number }) {
  const t = text.useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [evidenceKind, setEvidenceKind] = useState<TripEvidenceKind>('attendance_sheet');
  const [uploading, setUploading] = useState(false);
  const trip = useQuery({ queryKey: ['trips', 'trip', id], queryFn: ({ signal }) => tripsApi.get(id, signal) });
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
              {data.approvedBy && <Typography.Text type="secondary">{t('detail.approvedBy', { name: data.approvedBy })}</Typography.Text>}
            </Flex>
            {data.returnReason && <Alert type="warning" showIcon title={t('detail.returnReason', { reason: data.returnReason })} />}
            <Flex gap={8} wrap className="xs-trip-actions">
              {actions.includes('edit') && <Button onClick={() => setDialog('edit')}>{t('action.edit')}</Button>}
              {actions.includes('edit') && <Button onClick={() => setDialog('participants')}>{t('detail.editParticipants')}</Button>}
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
              {actions.includes('attendance') && <Button onClick={() => setDialog('attendance')}>{t('action.attendance')}</Button>}
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
            {data.purpose && <Typography.Paragraph style={{ margin: 0 }}>{data.purpose}</Typography.Paragraph>}
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
              {t('detail.norm', { doc: estimate.normVersion.documentNumber, from: estimate.normVersion.effectiveFrom, category: data.categoryLabel })}
            </Typography.Text>
          </Flex>
        </Card>

        <Card variant="borderless" title={`${t('detail.participants')} · ${t('col.participantsValue', { people: data.participants, communities: data.communities })}`}>
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
              { title: t('detail.street'), key: 'street', responsive: ['md'], render: (_, row) => row.street.name },
              {
                title: t('detail.attended'),
                dataIndex: 'attended',
                render: (attended: boolean | null) =>
                  attended === null ? '—' : attended ? <Tag color="green">{t('detail.present')}</Tag> : <Tag>{t('detail.absent')}</Tag>,
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
                  options={TRIP_EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`detail.evidenceKind.${kind}`) }))}
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
                  <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => void openEvidence(item.id)}>
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
                  { title: t('detail.costItem'), dataIndex: 'kind', render: (kind: string) => t(`detail.costKind.${kind as (typeof TRIP_COST_KINDS)[number]}`) },
                  { title: t('detail.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => <Money fen={fen} /> },
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
              {data.directExpenditureId && <Alert type="success" showIcon title={t('detail.expenditure', { id: data.directExpenditureId })} />}
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

function ParticipantsModal({ open, trip, onClose }: { open: boolean; trip: TripView; onClose: () => void }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useScopedUnits();
  const [form] = Form.useForm<{ participants: TripParticipantInput[] }>();
  const [saving, setSaving] = useState(false);
  const communities = useMemo(() => {
    const all = units.data ?? [];
    return all
      .filter((unit) => unit.kind === 'street')
      .map((street) => ({
        label: street.name,
        options: all.filter((unit) => unit.kind === 'community' && unit.parentId === street.id).map((unit) => ({ value: unit.id, label: unit.name })),
      }));
  }, [units.data]);

  const save = async (values: { participants?: TripParticipantInput[] }) => {
    setSaving(true);
    try {
      await tripsApi.participants(trip.id, values.participants ?? [], trip.version);
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('detail.editParticipants')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <Form
        form={form}
        initialValues={{ participants: trip.participantList.map((p) => ({ communityId: p.community.id, name: p.name, post: p.post })) }}
        onFinish={(values) => void save(values)}
      >
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'communityId']} rules={[{ required: true, message: t('form.required', { field: t('detail.community') }) }]}>
                    <Select placeholder={t('detail.community')} options={communities} showSearch optionFilterProp="label" style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('detail.name') }) }]}>
                    <Input placeholder={t('detail.name')} maxLength={50} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'post']} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('detail.post') }) }]}>
                    <Input placeholder={t('detail.post')} maxLength={50} style={{ width: 190 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('detail.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('detail.addParticipant')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function AttendanceModal({ open, trip, onClose }: { open: boolean; trip: TripView; onClose: () => void }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState<number[]>(() =>
    trip.participantList.filter((p) => p.attended !== false).map((p) => p.id),
  );
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await tripsApi.attendance(trip.id, checked, trip.version);
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('action.attendance')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Checkbox.Group value={checked} onChange={(values) => setChecked(values as number[])} style={{ width: '100%' }}>
        <Flex vertical gap={6}>
          {trip.participantList.map((participant) => (
            <Checkbox key={participant.id} value={participant.id}>
              {participant.name} · {participant.community.name} · {participant.post}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Modal>
  );
}

interface CostValues {
  items: Array<{ kind: (typeof TRIP_COST_KINDS)[number]; amount: string; note?: string }>;
}

function CostsModal({ open, trip, onClose }: { open: boolean; trip: TripView; onClose: () => void }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CostValues>();
  const [saving, setSaving] = useState(false);
  const save = async (values: CostValues) => {
    setSaving(true);
    try {
      await tripsApi.costs(trip.id, {
        version: trip.version,
        items: values.items.map((item) => ({
          kind: item.kind,
          amountFen: yuanToFen(item.amount) ?? Number.NaN,
          note: item.note?.trim() || null,
        })),
      });
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('detail.recordCosts')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Typography.Paragraph type="secondary">{t('detail.costHelp')}</Typography.Paragraph>
      <Form form={form} initialValues={{ items: [{ kind: 'accommodation' }, { kind: 'meals' }, { kind: 'travel' }] }} onFinish={(values) => void save(values)}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'kind']}>
                    <Select aria-label={t('detail.costItem')} style={{ width: 150 }} options={TRIP_COST_KINDS.map((kind) => ({ value: kind, label: t(`detail.costKind.${kind}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amount']} rules={[{ required: true, message: t('form.required', { field: t('detail.amount') }) }]}>
                    <Input aria-label={t('detail.amount')} placeholder={t('detail.amount')} inputMode="decimal" style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']}>
                    <Input placeholder={t('detail.note')} maxLength={200} style={{ width: 170 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('detail.remove')} onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'other' })}>
                {t('detail.addCost')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ReturnModal({ open, trip, onClose }: { open: boolean; trip: TripView; onClose: () => void }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const save = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await tripsApi.returnTrip(trip.id, reason.trim(), trip.version);
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('action.return')}
      okText={t('action.return')}
      cancelText={t('form.cancel')}
      okButtonProps={{ danger: true, loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="reason" label={t('action.reason')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('action.reason') }) }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
