import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { stipendsApi } from '../../api/stipends';
import { beijingDate } from '../../lib/time';
import { type StipendKey } from './i18n';
import { stipendText } from './i18n';

export function useStipendProgrammes() {
  return useQuery({
    queryKey: ['stipends', 'programmes'],
    queryFn: ({ signal }) => stipendsApi.programmes(signal),
    staleTime: 60_000,
  });
}

/** The current quarter in Beijing. */
export function currentQuarter(): { year: number; quarter: number } {
  const [year, month] = beijingDate().split('-').map(Number);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

const STATUS_COLORS: Record<string, string> = {
  active: 'green',
  suspended: 'orange',
  deceased: 'default',
  removed: 'default',
  submitted: 'processing',
  approved: 'green',
  returned: 'red',
  prepared: 'gold',
  paid: 'blue',
  rejected: 'red',
};

/** A status tag for people ('status.*'), reports ('reports.status.*') or batches ('batches.status.*'). */
export function StatusTag({
  prefix,
  status,
}: {
  prefix: 'status' | 'reports.status' | 'batches.status';
  status: string;
}) {
  const s = stipendText.useT();
  const key = `${prefix}.${status}` as StipendKey;
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {s(key) === key ? status : s(key)}
    </Tag>
  );
}

interface PeriodProps {
  year: number;
  quarter: number;
  onChange: (next: { year: number; quarter: number }) => void;
}

/** Year and quarter pickers. */
export function PeriodPicker({ year, quarter, onChange }: PeriodProps) {
  const s = stipendText.useT();
  const thisYear = currentQuarter().year;
  const years = Array.from(new Set([thisYear + 1, thisYear, thisYear - 1, thisYear - 2, year])).sort(
    (a, b) => b - a,
  );
  return (
    <>
      <Select
        aria-label={s('period.year')}
        value={year}
        style={{ width: 104 }}
        options={years.map((value) => ({ value, label: `${value}` }))}
        onChange={(value) => onChange({ year: value, quarter })}
      />
      <Select
        aria-label={s('period.quarter')}
        value={quarter}
        style={{ width: 120 }}
        options={[1, 2, 3, 4].map((value) => ({ value, label: s('period.q', { quarter: value }) }))}
        onChange={(value) => onChange({ year, quarter: value })}
      />
    </>
  );
}
