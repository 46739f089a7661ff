import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BudgetLineView, ProgrammeView } from '@xiaoshi/contracts';
import { budgetsApi } from '../../api/pipeline';

export function useProgrammes(year: number | undefined) {
  return useQuery({
    queryKey: ['budgets', 'programmes', year ?? 'all'],
    queryFn: ({ signal }) => budgetsApi.programmes(year, signal),
  });
}

/** Every line with its programme, for pickers (competition set-up, direct expenditures). */
export function flattenLines(
  programmes: readonly ProgrammeView[],
): Array<BudgetLineView & { programme: ProgrammeView }> {
  return programmes.flatMap((programme) => programme.lines.map((line) => ({ ...line, programme })));
}

/** After any change to money: programmes, lines, ledgers, expenditures and competitions' room. */
export function useBudgetsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['budgets'] });
}
