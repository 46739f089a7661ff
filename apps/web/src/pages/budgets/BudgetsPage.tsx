import { PlusOutlined } from '@ant-design/icons';
import type { BudgetLineView } from '@xiaoshi/contracts';
import { Button, Card, Empty, Flex, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { beijingYear } from '../../lib/time';
import { AdjustModal } from './AdjustModal';
import { DirectExpenditures } from './DirectExpenditures';
import { LedgerDrawer } from './LedgerDrawer';
import { ProgrammeCard } from './ProgrammeCard';
import { ProgrammeModal } from './ProgrammeModal';
import { useProgrammes } from './useBudgets';
import { budgetsText } from './text';

export default function BudgetsPage() {
  const t = budgetsText.useT();
  const { can } = useAuth();
  const canManage = can('budgets.manage');
  const thisYear = beijingYear();
  const [year, setYear] = useState(thisYear);
  const [creating, setCreating] = useState(false);
  const [adjusting, setAdjusting] = useState<BudgetLineView | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const programmes = useProgrammes(year);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <Select<number>
              value={year}
              onChange={setYear}
              options={years.map((value) => ({ value, label: t('year', { year: value }) }))}
              style={{ width: 120 }}
              aria-label={t('yearPicker')}
            />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('createProgramme')}
              </Button>
            )}
          </>
        }
      />
      {programmes.isError ? (
        <Card variant="borderless">
          <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />
        </Card>
      ) : programmes.isPending ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : programmes.data.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('noProgrammes', { year })} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {programmes.data.map((programme) => (
            <ProgrammeCard
              key={programme.id}
              programme={programme}
              canManage={canManage}
              onAdjust={setAdjusting}
              onViewLedger={(line) => setViewing(line.id)}
            />
          ))}
          <DirectExpenditures programmes={programmes.data} canManage={canManage} />
        </Flex>
      )}
      <ProgrammeModal
        open={creating}
        defaultYear={year}
        onClose={() => setCreating(false)}
        onCreated={setYear}
      />
      <AdjustModal line={adjusting} onClose={() => setAdjusting(null)} />
      <LedgerDrawer lineId={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
