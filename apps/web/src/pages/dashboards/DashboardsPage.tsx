import { useQuery } from '@tanstack/react-query';
import type { DashboardView } from '@xiaoshi/contracts';
import { Card, Col, Flex, Progress, Row, Select, Skeleton, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useSessionUser } from '../../app/auth/AuthContext';
import { EChart } from '../../components/charts/EChart';
import { CHART_COLORS } from '../../components/charts/echarts';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { scaledMoney } from '../../lib/money-scale';
import { beijingYear, formatDateTime } from '../../lib/time';
import { dashboardsApi } from './api';
import { ChartCard } from './ChartCard';
import {
  barsHeight,
  funnelOption,
  linesOption,
  monthsOption,
  passRateOption,
  percentText,
  stipendsOption,
  streetsOption,
  yuanText,
} from './charts';
import { IndicatorsCard } from './IndicatorsCard';
import { text } from './text';
import './dashboards.css';
import { useLang } from '../../i18n/i18n';

const positive = (value: string | null) => {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
};

/**
 * 数据看板: the district's (or one street's) budget execution by line, month and street, the
 * project pipeline, the acceptance pass rate, stipends by quarter and the performance indicators.
 * Year, street and competition live in the URL so a link opens the same view.
 */
export default function DashboardsPage() {
  const t = text.useT();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const thisYear = beijingYear();
  const year = positive(params.get('year')) ?? thisYear;
  const streetId = positive(params.get('street'));
  const competitionId = positive(params.get('competition'));
  const update = (key: string, value: number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };
  const overview = useQuery({
    queryKey: ['dashboards', year, streetId ?? null, competitionId ?? null],
    queryFn: ({ signal }) => dashboardsApi.overview({ year, streetId, competitionId }, signal),
    placeholderData: (previous) => previous,
  });
  const streets = overview.data?.scope.streets ?? [];
  const district = user.unit.kind === 'district';

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={overview.data ? `${overview.data.scope.unit.name} · ${t('subtitle')}` : t('subtitle')}
        extra={
          <>
            <Select<number>
              value={year}
              onChange={(value) => update('year', value === thisYear ? undefined : value)}
              options={Array.from({ length: 5 }, (_, index) => thisYear + 1 - index).map((value) => ({
                value,
                label: t('year', { year: value }),
              }))}
              aria-label={t('yearLabel')}
              style={{ width: 110 }}
            />
            {district && (
              <Select<number>
                value={streetId ?? 0}
                onChange={(value) => update('street', value || undefined)}
                options={[
                  { value: 0, label: t('street.all') },
                  ...streets.map((street) => ({ value: street.id, label: street.name })),
                ]}
                aria-label={t('street')}
                style={{ width: 150 }}
                data-testid="street-picker"
              />
            )}
          </>
        }
      />
      {overview.isError && !overview.data ? (
        <Card variant="borderless">
          <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
        </Card>
      ) : !overview.data ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Dashboard
          data={overview.data}
          competitionId={competitionId}
          onCompetition={(value) => update('competition', value)}
        />
      )}
    </>
  );
}

function Kpi({
  label,
  value,
  sub,
  testId,
}: {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  testId: string;
}) {
  return (
    <Card variant="borderless" size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div className="xs-kpi-value" data-testid={testId}>
        {value}
      </div>
      {sub && <div className="xs-kpi-sub">{sub}</div>}
    </Card>
  );
}

function Dashboard({
  data,
  competitionId,
  onCompetition,
}: {
  data: DashboardView;
  competitionId: number | undefined;
  onCompetition: (id: number | undefined) => void;
}) {
  const t = text.useT();
  const lang = useLang();
  const wan = (fen: number) => scaledMoney(fen, lang);
  const year = data.scope.year;
  const streetView = data.scope.kind === 'street';
  const street = data.byStreet[0];

  const lines = useMemo(() => linesOption(t, data.byLine, streetView), [t, data.byLine, streetView]);
  const months = useMemo(
    () => monthsOption(t, year, data.byMonth, data.total?.adjustedBudgetFen ?? null),
    [t, year, data.byMonth, data.total],
  );
  const streetsChart = useMemo(() => streetsOption(t, data.byStreet), [t, data.byStreet]);
  const funnel = useMemo(() => funnelOption(t, data.funnel), [t, data.funnel]);
  const passRate = useMemo(() => passRateOption(data.passRate.rateBp ?? 0), [data.passRate.rateBp]);
  const stipends = useMemo(() => stipendsOption(t, data.stipends), [t, data.stipends]);
  const competitions = useQuery({
    queryKey: ['dashboards', 'competitions'],
    queryFn: ({ signal }) => dashboardsApi.competitions(signal),
  });
  const calls = (competitions.data ?? []).filter((call) => call.programmeYear === year);

  const kpis = streetView
    ? [
        {
          key: 'committed',
          label: t('kpi.streetCommitted'),
          value: wan(street?.committedFen ?? 0),
          sub: yuanText(t, street?.committedFen ?? 0),
        },
        {
          key: 'paid',
          label: t('kpi.streetPaid'),
          value: wan(street?.paidFen ?? 0),
          sub: yuanText(t, street?.paidFen ?? 0),
        },
        {
          key: 'projects',
          label: t('kpi.projects'),
          value: `${street?.projectsAccepted ?? 0} / ${street?.projects ?? 0}`,
        },
        { key: 'pass', label: t('kpi.passRate'), value: percentText(data.passRate.rateBp) },
      ]
    : [
        {
          key: 'budget',
          label: t('kpi.budget'),
          value: wan(data.total!.adjustedBudgetFen),
          sub: yuanText(t, data.total!.adjustedBudgetFen),
        },
        {
          key: 'committed',
          label: t('kpi.committed'),
          value: wan(data.total!.committedFen),
          sub: yuanText(t, data.total!.committedFen),
        },
        {
          key: 'paid',
          label: t('kpi.paid'),
          value: wan(data.total!.paidFen),
          sub: yuanText(t, data.total!.paidFen),
        },
        {
          key: 'rate',
          label: t('kpi.rate'),
          value: percentText(data.total!.executionRateBp),
          sub: (
            <Progress
              percent={Math.min(100, data.total!.executionRateBp / 100)}
              showInfo={false}
              size="small"
              strokeColor={CHART_COLORS.paid}
            />
          ),
        },
      ];
  const monthsEmpty = data.byMonth.every((row) => row.paidFen === 0 && !row.committedFen);

  return (
    <Flex vertical gap={16} className="xs-dashboards">
      <Row gutter={[16, 16]}>
        {kpis.map((kpi) => (
          <Col xs={12} md={6} key={kpi.key}>
            <Kpi label={kpi.label} value={kpi.value} sub={kpi.sub} testId={`kpi-${kpi.key}`} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={streetView ? t('byLine.streetTitle') : t('byLine.title')}
            hint={streetView ? t('byLine.streetHint') : undefined}
            empty={data.byLine.length === 0 ? t(streetView ? 'byLine.streetNone' : 'byLine.none') : null}
            testId="card-lines"
          >
            <EChart
              option={lines.option}
              height={barsHeight(data.byLine.length, lines.series)}
              label={data.byLine
                .map((row) =>
                  streetView
                    ? t('byLine.streetLabel', {
                        name: row.name,
                        committed: wan(row.committedFen),
                        paid: wan(row.paidFen),
                      })
                    : t('byLine.label', {
                        name: row.name,
                        budget: wan(row.adjustedBudgetFen ?? 0),
                        committed: wan(row.committedFen),
                        paid: wan(row.paidFen),
                        rate: percentText(row.executionRateBp),
                      }),
                )
                .join('；')}
              testId="chart-lines"
            />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={streetView ? t('byMonth.streetTitle') : t('byMonth.title')}
            hint={t('byMonth.hint')}
            empty={monthsEmpty ? t('byMonth.none') : null}
            testId="card-months"
          >
            <EChart option={months} height={300} label={t('byMonth.label', { year })} testId="chart-months" />
          </ChartCard>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <ChartCard
            title={t('funnel.title')}
            extra={
              <Select<number>
                size="small"
                value={competitionId ?? 0}
                onChange={(value) => onCompetition(value || undefined)}
                options={[
                  { value: 0, label: t('funnel.allCompetitions') },
                  ...calls.map((call) => ({ value: call.id, label: call.title })),
                ]}
                aria-label={t('funnel.competition')}
                popupMatchSelectWidth={false}
                style={{ width: 180, maxWidth: '45vw' }}
              />
            }
            empty={data.funnel[0]?.count ? null : t('funnel.none')}
            testId="card-funnel"
          >
            <EChart
              option={funnel}
              height={300}
              label={t('funnel.label', {
                stages: data.funnel
                  .map((stage) => `${t(`funnel.stage.${stage.stage}`)} ${stage.count}`)
                  .join('，'),
              })}
              testId="chart-funnel"
            />
          </ChartCard>
        </Col>
        <Col xs={24} xl={10}>
          <ChartCard
            title={t('passRate.title')}
            empty={data.passRate.inspected === 0 ? t('passRate.none') : null}
            testId="card-pass-rate"
          >
            <EChart
              option={passRate}
              height={220}
              label={t('passRate.label', {
                rate: percentText(data.passRate.rateBp),
                first: percentText(data.passRate.firstRateBp),
              })}
              testId="chart-pass-rate"
            />
            <Flex vertical align="center" gap={4}>
              <Typography.Text>
                {t('passRate.detail', { passed: data.passRate.passed, inspected: data.passRate.inspected })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('passRate.first', { rate: percentText(data.passRate.firstRateBp) })}
              </Typography.Text>
            </Flex>
          </ChartCard>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {!streetView && (
          <Col xs={24} xl={12}>
            <ChartCard
              title={t('byStreet.title')}
              hint={t('byStreet.hint')}
              empty={
                data.byStreet.every((row) => !row.committedFen && !row.paidFen && !row.projects)
                  ? t('byStreet.none')
                  : null
              }
              testId="card-streets"
            >
              <EChart
                option={streetsChart}
                height={barsHeight(data.byStreet.length, 2)}
                label={data.byStreet
                  .map((row) =>
                    t('byStreet.label', {
                      name: row.name,
                      committed: wan(row.committedFen),
                      paid: wan(row.paidFen),
                      accepted: row.projectsAccepted,
                      projects: row.projects,
                    }),
                  )
                  .join('；')}
                testId="chart-streets"
              />
            </ChartCard>
          </Col>
        )}
        <Col xs={24} xl={streetView ? 24 : 12}>
          <ChartCard
            title={t('stipends.title')}
            empty={data.stipends.length === 0 ? t('stipends.none') : null}
            testId="card-stipends"
          >
            <EChart
              option={stipends}
              height={300}
              label={t('stipends.label', { year })}
              testId="chart-stipends"
            />
          </ChartCard>
        </Col>
      </Row>
      <IndicatorsCard year={year} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('computedAt', { time: formatDateTime(data.computedAt, lang, false) })}
      </Typography.Text>
    </Flex>
  );
}
