import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Tabs, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { ActualsTab } from './ActualsTab';
import { EvaluationTab } from './EvaluationTab';
import { VersionTag, useTable } from './shared';
import { TargetsTab } from './TargetsTab';
import { text } from './text';
import './performance.css';

const TABS = ['targets', 'actuals', 'evaluation'] as const;
type TabKey = (typeof TABS)[number];

/** One target table: its versions and indicators, live actual values, the self-evaluation. */
export default function TablePage() {
  const t = text.useT();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const table = useTable(id);
  const wanted = params.get('tab') as TabKey | null;
  const tab: TabKey = wanted && TABS.includes(wanted) ? wanted : 'actuals';

  if (table.isPending) return <PageSpinner />;
  if (table.isError) return <QueryError error={table.error} onRetry={() => void table.refetch()} />;
  const current = table.data.current;
  return (
    <>
      <Link to={`/performance?year=${table.data.year}`} className="xs-pf-back">
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      <PageHeader
        title={table.data.name}
        subtitle={`${table.data.year} · ${table.data.lines.map((line) => line.name).join('、')}`}
        extra={
          <Flex gap={6} wrap>
            {table.data.isDemo && <Tag color="orange">{t('demo')}</Tag>}
            {current && <VersionTag number={current.number} status="approved" />}
            {table.data.draft && <VersionTag number={table.data.draft.number} status="draft" />}
          </Flex>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          setParams(next, { replace: true });
        }}
        items={[
          { key: 'actuals', label: t('tab.actuals'), children: <ActualsTab table={table.data} /> },
          { key: 'targets', label: t('tab.targets'), children: <TargetsTab table={table.data} /> },
          { key: 'evaluation', label: t('tab.evaluation'), children: <EvaluationTab table={table.data} /> },
        ]}
        destroyOnHidden
      />
    </>
  );
}
