import { ArrowLeftOutlined, CameraOutlined, FileDoneOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkInspectionRecord, type InspectionOutcome } from '@xiaoshi/domain';
import { Alert, App, Button, Card, Flex, Input, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InspectionView } from '@xiaoshi/contracts';
import { deliveryApi } from '../../api/delivery';
import { isApiError } from '../../api/errors';
import { useAuth, useSessionUser } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { beijingDate } from '../../lib/time';
import { OutcomeTag, ProjectPhoto, kindLabel, openHtml, useDeliveryRefresh, useProject } from './shared';
import { deliveryText } from './i18n';
import { ChecklistCard, type Answers } from './inspection/ChecklistCard';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

const OUTCOMES = ['passed', 'rectification', 'failed'] as const satisfies readonly InspectionOutcome[];

const OUTCOME_COLORS = { passed: 'green', rectification: 'orange', failed: 'danger' } as const;

/** 验收记录: the inspector's form, built for a phone (one column, big targets, the camera). */
export default function InspectionPage() {
  const { id } = useParams();
  const inspectionId = Number(id);
  const inspection = useQuery({
    queryKey: ['delivery', 'inspection', inspectionId],
    queryFn: ({ signal }) => deliveryApi.inspection(inspectionId, signal),
    enabled: Number.isFinite(inspectionId),
  });
  if (inspection.isError)
    return <QueryError error={inspection.error} onRetry={() => void inspection.refetch()} />;
  if (inspection.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <InspectionForm key={`${inspection.data.id}-${inspection.data.status}`} inspection={inspection.data} />
  );
}

function InspectionForm({ inspection: i }: { inspection: InspectionView }) {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const user = useSessionUser();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = useDeliveryRefresh();
  const project = useProject(i.projectId);
  const mine = i.inspectors.some((inspector) => inspector.id === user.id) && can('delivery.inspect');
  const editable = mine && i.status === 'assigned';
  const kind = kindLabel(d, i.kind);

  const [inspectedOn, setInspectedOn] = useState(() => beijingDate());
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(
      i.checklist.map((item) => [
        item.key,
        { ok: i.answers?.[item.key]?.ok ?? null, note: i.answers?.[item.key]?.note ?? '' },
      ]),
    ),
  );
  const [findings, setFindings] = useState(i.findings ?? '');
  const [outcome, setOutcome] = useState<InspectionOutcome | null>(i.outcome);
  const [deadline, setDeadline] = useState(i.rectificationDeadline ?? '');
  const [attempted, setAttempted] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(0);
  const camera = useRef<HTMLInputElement>(null);

  const answered = i.checklist.filter((item) => answers[item.key]?.ok !== null).length;
  const body = {
    inspectedOn,
    answers: Object.fromEntries(
      Object.entries(answers)
        .filter(([, answer]) => answer.ok !== null)
        .map(([key, answer]) => [key, { ok: answer.ok!, note: answer.note.trim() || null }]),
    ),
    findings: findings.trim(),
    outcome: outcome ?? 'passed',
    rectificationDeadline: outcome === 'rectification' ? deadline || null : null,
  };
  const violations = checkInspectionRecord({
    checklist: i.checklist,
    answers: body.answers,
    outcome: body.outcome,
    findings: body.findings,
    rectificationDeadline: body.rectificationDeadline,
    inspectedOn,
  });
  const problems = new Map<string, string>();
  if (!outcome) problems.set('outcome', d('inspection.outcomeRequired'));
  for (const v of violations) if (!problems.has(v.field)) problems.set(v.field, lang === 'en' ? v.en : v.zh);
  for (const [field, text] of Object.entries(serverFields)) problems.set(field, text);
  const shown = (field: string) => (attempted ? problems.get(field) : serverFields[field]);

  const record = useMutation({
    mutationFn: () => deliveryApi.record(i.id, body),
    onSuccess: async (next) => {
      void message.success(d('inspection.recorded'));
      queryClient.setQueryData(['delivery', 'inspection', i.id], next);
      await refresh();
    },
    onError: (error) => {
      if (isApiError(error)) setServerFields(error.fields);
      void message.error(errorMessage(error));
    },
  });

  const submit = () => {
    setAttempted(true);
    setServerFields({});
    if (problems.size) {
      void message.error(d('inspection.fixFirst', { count: problems.size }));
      return;
    }
    modal.confirm({
      title: d('inspection.submit'),
      content: d('inspection.confirm', { outcome: d(`outcome.${body.outcome}`) }),
      okText: d('inspection.submit'),
      cancelText: t('cancel'),
      okButtonProps: { id: 'inspection-submit-confirm' },
      onOk: () => record.mutateAsync().catch(() => undefined),
    });
  };

  const upload = async (files: File[]) => {
    setUploading((n) => n + files.length);
    for (const file of files) {
      try {
        await deliveryApi.inspectionPhoto(i.id, file);
      } catch (error) {
        void message.error(d('reports.photoFailed', { name: file.name, error: errorMessage(error) }));
      } finally {
        setUploading((n) => n - 1);
      }
    }
    await queryClient.invalidateQueries({ queryKey: ['delivery', 'inspection', i.id] });
  };

  const certificate = async () => {
    try {
      if (!(await openHtml(() => deliveryApi.certificate(i.id))))
        void message.info(d('payments.popupBlocked'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const setAnswer = (key: string, patch: Partial<Answers[string]>) =>
    setAnswers((current) => ({ ...current, [key]: { ...current[key], ...patch } }));

  return (
    <div className="xs-insp" data-testid="inspection-form">
      <Link to={`/projects/${i.projectId}`} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {d('inspection.openProject')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={8} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {d('inspection.title', { kind })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {project.data
              ? `${project.data.title} · ${project.data.community.name}（${project.data.street.name}）`
              : ''}
          </Typography.Text>
        </div>
        <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
          <Typography.Text type="secondary">{d('inspection.round', { round: i.round })}</Typography.Text>
          <OutcomeTag outcome={i.outcome} />
        </Flex>
      </Flex>
      {!mine && i.status === 'assigned' && (
        <Alert type="info" showIcon title={d('inspection.notAssigned')} style={{ marginBottom: 12 }} />
      )}
      {i.status === 'recorded' && i.outcome && (
        <Alert
          type={i.outcome === 'passed' ? 'success' : i.outcome === 'rectification' ? 'warning' : 'error'}
          showIcon
          title={d('inspection.done', { outcome: d(`outcome.${i.outcome}`) })}
          description={
            i.outcome === 'rectification' && i.rectificationDeadline
              ? d('project.rectificationDeadline', { date: i.rectificationDeadline })
              : undefined
          }
          action={
            i.outcome === 'passed' ? (
              <Button icon={<FileDoneOutlined />} onClick={() => void certificate()} id="certificate-link">
                {d('inspections.certificate')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}

      <Flex vertical gap={12}>
        <Card size="small" variant="borderless">
          <label htmlFor="inspected-on">
            <Typography.Text strong>{d('inspection.date')}</Typography.Text>
          </label>
          <Input
            id="inspected-on"
            type="date"
            value={i.status === 'recorded' ? (i.inspectedOn ?? '') : inspectedOn}
            max={beijingDate()}
            onChange={(event) => setInspectedOn(event.target.value)}
            disabled={!editable}
            style={{ marginTop: 6 }}
          />
        </Card>

        <ChecklistCard
          checklist={i.checklist}
          answers={answers}
          answered={answered}
          editable={editable}
          shown={shown}
          setAnswer={setAnswer}
        />

        <Card size="small" variant="borderless" title={d('inspection.outcome')}>
          <div className="xs-insp-outcome" role="radiogroup" aria-label={d('inspection.outcome')}>
            {OUTCOMES.map((value) => (
              <Button
                key={value}
                role="radio"
                aria-checked={outcome === value}
                color={outcome === value ? OUTCOME_COLORS[value] : 'default'}
                variant={outcome === value ? 'solid' : 'outlined'}
                disabled={!editable}
                onClick={() => setOutcome(value)}
              >
                {d(`outcome.${value}`)}
              </Button>
            ))}
          </div>
          {shown('outcome') && (
            <Typography.Text type="danger" style={{ fontSize: 13, display: 'block', marginTop: 6 }}>
              {shown('outcome')}
            </Typography.Text>
          )}
          {outcome === 'rectification' && (
            <div style={{ marginTop: 12 }}>
              <label htmlFor="rectification-deadline">
                <Typography.Text strong>{d('inspection.deadline')}</Typography.Text>
              </label>
              <Input
                id="rectification-deadline"
                type="date"
                value={deadline}
                min={inspectedOn}
                onChange={(event) => setDeadline(event.target.value)}
                disabled={!editable}
                status={shown('rectificationDeadline') ? 'error' : undefined}
                style={{ marginTop: 6 }}
              />
              {shown('rectificationDeadline') && (
                <Typography.Text type="danger" style={{ fontSize: 13 }}>
                  {shown('rectificationDeadline')}
                </Typography.Text>
              )}
            </div>
          )}
          <div style={{ marginTop: 12 }}>
            <label htmlFor="findings">
              <Typography.Text strong>{d('inspection.findings')}</Typography.Text>
            </label>
            <Input.TextArea
              id="findings"
              value={findings}
              onChange={(event) => setFindings(event.target.value)}
              placeholder={d('inspection.findingsPlaceholder')}
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={5000}
              disabled={!editable}
              status={shown('findings') ? 'error' : undefined}
              style={{ marginTop: 6 }}
            />
            {shown('findings') && (
              <Typography.Text type="danger" style={{ fontSize: 13 }}>
                {shown('findings')}
              </Typography.Text>
            )}
          </div>
        </Card>

        <Card
          size="small"
          variant="borderless"
          title={d('inspection.photos')}
          extra={
            <Typography.Text type="secondary">
              {uploading ? d('inspection.uploading') : d('inspection.uploaded', { count: i.photos.length })}
            </Typography.Text>
          }
        >
          {mine && (
            <>
              <input
                ref={camera}
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                style={{ display: 'none' }}
                data-testid="inspection-camera"
                onChange={(event) => {
                  const files = [...(event.target.files ?? [])];
                  event.target.value = '';
                  if (files.length) void upload(files);
                }}
              />
              <Button
                block
                className="xs-insp-camera"
                icon={<CameraOutlined />}
                loading={uploading > 0}
                onClick={() => camera.current?.click()}
                style={{ marginBottom: i.photos.length ? 12 : 0 }}
              >
                {d('inspection.takePhoto')}
              </Button>
            </>
          )}
          {i.photos.length > 0 && (
            <div className="xs-dl-photos">
              {i.photos.map((photo) => (
                <ProjectPhoto key={photo.id} id={photo.id} name={photo.name} size={96} />
              ))}
            </div>
          )}
        </Card>
      </Flex>

      {editable && (
        <div className="xs-insp-bar">
          <div className="xs-insp-bar-inner">
            <Button type="primary" block loading={record.isPending} onClick={submit} id="inspection-submit">
              {d('inspection.submit')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
