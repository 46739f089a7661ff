import { ArrowLeftOutlined, CheckOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewSheetView } from '@xiaoshi/contracts';
import { checkScoreSheet, scoreSheetTotal, type Violation } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { reviewsApi } from '../../api/reviews';
import { hasCode, isApiError } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { SheetStatusTag } from './SheetStatusTag';
import { reviewsText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';
import { type Scores, cleanScores, cleanComments } from './sheet/scores';
import { DeclareConflictModal } from './sheet/DeclareConflictModal';
import { MaterialCard } from './sheet/MaterialCard';

export default function ReviewSheetPage() {
  const { assignmentId } = useParams();
  const id = Number(assignmentId);
  const sheet = useQuery({
    queryKey: ['reviews', 'sheet', id],
    queryFn: ({ signal }) => reviewsApi.sheet(id, signal),
    enabled: Number.isFinite(id),
  });
  if (sheet.isError) return <QueryError error={sheet.error} onRetry={() => void sheet.refetch()} />;
  if (sheet.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <Sheet
      key={`${sheet.data.assignmentId}-${sheet.data.sheet.version ?? 0}-${sheet.data.sheet.status}`}
      view={sheet.data}
    />
  );
}

function Sheet({ view }: { view: ReviewSheetView }) {
  const t = reviewsText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const rubric = view.rubric;
  const [status, setStatus] = useState(view.sheet.status);
  const submitted = status === 'submitted';
  const [scores, setScores] = useState<Scores>(() => ({ ...view.sheet.scores }));
  const [comments, setComments] = useState<Record<string, string>>(() => ({ ...view.sheet.comments }));
  const [attempted, setAttempted] = useState(false);
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [declaring, setDeclaring] = useState(false);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const version = useRef<number | null>(view.sheet.version);
  const saved = useRef(
    JSON.stringify({ s: cleanScores(view.sheet.scores), c: cleanComments(view.sheet.comments) }),
  );

  const current = JSON.stringify({ s: cleanScores(scores), c: cleanComments(comments) });
  const dirty = current !== saved.current;
  const numeric = cleanScores(scores);
  const total = scoreSheetTotal(rubric, numeric);
  const violations = checkScoreSheet(rubric, numeric, comments, {
    commentRequiredAtExtremes: view.commentRequiredAtExtremes,
  });
  const missing = rubric.filter((criterion) => typeof scores[criterion.key] !== 'number').length;
  const byField = useMemo(() => {
    const map = new Map<string, string>();
    for (const violation of violations as Violation[])
      if (!map.has(violation.field)) map.set(violation.field, lang === 'en' ? violation.en : violation.zh);
    for (const [field, text] of Object.entries(serverFields)) map.set(field, text);
    return map;
  }, [violations, serverFields, lang]);

  const save = useMutation({
    mutationFn: () =>
      reviewsApi.saveSheet(view.assignmentId, {
        scores: numeric,
        comments: cleanComments(comments),
        version: version.current ?? undefined,
      }),
  });
  const submit = useMutation({ mutationFn: (v: number) => reviewsApi.submitSheet(view.assignmentId, v) });

  const adopt = (next: ReviewSheetView) => {
    version.current = next.sheet.version;
    setStatus(next.sheet.status);
    saved.current = JSON.stringify({
      s: cleanScores(next.sheet.scores),
      c: cleanComments(next.sheet.comments),
    });
    void queryClient.invalidateQueries({ queryKey: ['reviews', 'my'] });
  };

  const showFields = (error: unknown) => {
    if (isApiError(error)) setServerFields(error.fields);
  };

  const saveDraft = useCallback(
    async (quiet = false) => {
      if (submitted) return null;
      setServerFields({});
      try {
        const next = await save.mutateAsync();
        adopt(next);
        if (!quiet) message.success(t('sheet.saved'));
        return next;
      } catch (error) {
        showFields(error);
        if (hasCode(error, 'CONFLICT')) {
          message.warning(tc('error.conflict'));
          void queryClient.invalidateQueries({ queryKey: ['reviews', 'sheet', view.assignmentId] });
        } else message.error(errorMessage(error));
        return null;
      }
    },
    [submitted, save, message, t, queryClient, view.assignmentId],
  );

  const doSubmit = () => {
    setAttempted(true);
    if (violations.length) {
      message.error(t('sheet.fixFirst', { count: violations.length }));
      return;
    }
    modal.confirm({
      title: t('sheet.submitConfirmTitle'),
      content: t('sheet.submitConfirm', { total }),
      okText: t('sheet.submit'),
      cancelText: tc('cancel'),
      okButtonProps: { id: 'sheet-submit-confirm' },
      onOk: async () => {
        const draft = dirty || version.current === null ? await saveDraft(true) : null;
        if ((dirty || version.current === null) && !draft) return;
        try {
          const next = await submit.mutateAsync(version.current!);
          adopt(next);
          queryClient.setQueryData(['reviews', 'sheet', view.assignmentId], next);
          message.success(t('sheet.submitted'));
        } catch (error) {
          showFields(error);
          message.error(errorMessage(error));
        }
      },
    });
  };

  // Ctrl+Enter (⌘+Enter) saves the draft from anywhere on the sheet.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void saveDraft();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveDraft]);

  // Leaving with unsaved scores asks first.
  useEffect(() => {
    if (!dirty || submitted) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, submitted]);

  const a = view.application;
  const material = <MaterialCard application={a} />;

  const buttons = !submitted && (
    <Flex gap={8} justify="flex-end" wrap>
      <Button
        icon={<SaveOutlined />}
        loading={save.isPending}
        onClick={() => void saveDraft()}
        disabled={!dirty && version.current !== null}
      >
        {t('sheet.saveDraft')}
      </Button>
      <Button type="primary" icon={<CheckOutlined />} loading={submit.isPending} onClick={doSubmit}>
        {t('sheet.submit')}
      </Button>
    </Flex>
  );

  const scoreCard = (
    <Card
      variant="borderless"
      title={
        <Flex gap={8} align="center">
          {t('sheet.title')}
          <SheetStatusTag status={status} />
        </Flex>
      }
      extra={
        wide &&
        !submitted && <Typography.Text type="secondary">{t('sheet.totalInline', { total })}</Typography.Text>
      }
      className="xs-score-card"
      data-testid="score-sheet"
    >
      {submitted && (
        <Alert type="success" showIcon title={t('sheet.lockedHint')} style={{ marginBottom: 12 }} />
      )}
      {!submitted && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('sheet.keyboardHint')}
        </Typography.Paragraph>
      )}
      <Form layout="vertical" component="div" disabled={submitted}>
        {rubric.map((criterion, index) => {
          const value = scores[criterion.key];
          const problem =
            attempted || typeof value === 'number' ? byField.get(`scores.${criterion.key}`) : undefined;
          const needsComment =
            view.commentRequiredAtExtremes &&
            (value === 0 || value === criterion.maxPoints) &&
            !(comments[criterion.key] ?? '').trim();
          return (
            <Form.Item
              key={criterion.key}
              label={
                <Flex justify="space-between" style={{ width: '100%' }}>
                  <span>
                    {index + 1}. {criterion.name}
                  </span>
                </Flex>
              }
              validateStatus={problem ? 'error' : undefined}
              help={problem}
              extra={!submitted && needsComment ? t('sheet.commentNeeded') : undefined}
              className="xs-score-item"
            >
              <InputNumber<number>
                ref={(element) => {
                  inputs.current[index] = element;
                }}
                min={0}
                max={criterion.maxPoints}
                step={0.5}
                value={value ?? null}
                onChange={(next) => setScores((previous) => ({ ...previous, [criterion.key]: next ?? null }))}
                onPressEnter={(event) => {
                  if (event.ctrlKey || event.metaKey) return;
                  event.preventDefault();
                  inputs.current[index + 1]?.focus();
                }}
                inputMode="decimal"
                suffix={t('sheet.outOf', { max: criterion.maxPoints })}
                style={{ width: '100%', maxWidth: 220 }}
                aria-label={t('sheet.scoreFor', { name: criterion.name, max: criterion.maxPoints })}
                data-criterion={criterion.key}
              />
            </Form.Item>
          );
        })}
        <Flex
          justify="space-between"
          align="baseline"
          className="xs-sheet-total"
          data-testid="sheet-total"
          data-total={total}
        >
          <Typography.Text strong>{t('sheet.total')}</Typography.Text>
          <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }}>
            {total}
            <Typography.Text type="secondary" style={{ fontSize: 14 }}>
              {' '}
              / 100
            </Typography.Text>
          </Typography.Text>
        </Flex>
        {missing > 0 && !submitted && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sheet.missing', { count: missing })}
          </Typography.Text>
        )}
        {wide && buttons && <div style={{ marginTop: 12 }}>{buttons}</div>}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('sheet.comments')}
        </Typography.Title>
        {view.commentRequiredAtExtremes && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('sheet.commentsAtExtremes')}
          </Typography.Paragraph>
        )}
        {rubric.map((criterion) => {
          const value = scores[criterion.key];
          const extreme = view.commentRequiredAtExtremes && (value === 0 || value === criterion.maxPoints);
          const problem = attempted || extreme ? byField.get(`comments.${criterion.key}`) : undefined;
          return (
            <Form.Item
              key={criterion.key}
              label={criterion.name}
              required={extreme}
              validateStatus={problem ? (attempted ? 'error' : 'warning') : undefined}
              help={problem}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={2000}
                value={comments[criterion.key] ?? ''}
                onChange={(event) =>
                  setComments((previous) => ({ ...previous, [criterion.key]: event.target.value }))
                }
                aria-label={t('sheet.commentFor', { name: criterion.name })}
              />
            </Form.Item>
          );
        })}
      </Form>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={t('sheet.subtitle')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/reviews')}>
              {t('sheet.backToQueue')}
            </Button>
            {!submitted && (
              <Button danger icon={<StopOutlined />} onClick={() => setDeclaring(true)}>
                {t('sheet.declareConflict')}
              </Button>
            )}
          </>
        }
      />
      {wide ? (
        <Row gutter={16}>
          <Col lg={13} xxl={14}>
            {material}
          </Col>
          <Col lg={11} xxl={10}>
            <div className="xs-sticky-panel">{scoreCard}</div>
          </Col>
        </Row>
      ) : (
        <Flex vertical gap={16} style={{ paddingBottom: submitted ? 0 : 72 }}>
          {material}
          {scoreCard}
          {buttons && (
            <div className="xs-sheet-bar">
              <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('sheet.total')} {total} / 100
              </Typography.Text>
              {buttons}
            </div>
          )}
        </Flex>
      )}
      <DeclareConflictModal
        open={declaring}
        assignmentId={view.assignmentId}
        onClose={() => setDeclaring(false)}
        onDone={() => {
          void queryClient.invalidateQueries({ queryKey: ['reviews', 'my'] });
          void navigate('/reviews');
        }}
      />
    </>
  );
}
