import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CompetitionView } from '@xiaoshi/contracts';
import { Alert, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { awardsApi, type SelectionParams } from '../../api/awards';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { CommittedAwards } from './CommittedAwards';
import { awardText } from './text';
import { WhatIf } from './selection/WhatIf';
import { Workbench } from './selection/Workbench';

/** 立项工作台: the two answers side by side, what-if toggles, the editable proposal. */
export function SelectionWorkbench({ competition }: { competition: CompetitionView }) {
  const a = awardText.useT();
  const [params, setParams] = useState<SelectionParams>({});
  const selection = useQuery({
    queryKey: ['awards', 'selection', competition.id, params],
    queryFn: ({ signal }) => awardsApi.selection(competition.id, params, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const view = selection.data;

  if (selection.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!view) return <QueryError error={selection.error} onRetry={() => void selection.refetch()} />;
  // After approval there is nothing left to select: the workbench shows what was committed.
  if (view.committed)
    return <CommittedAwards committed={view.committed} lineAvailableFen={view.lineAvailableFen} />;
  return (
    <Flex vertical gap={16} data-testid="selection-workbench">
      <WhatIf
        view={view}
        competition={competition}
        params={params}
        onChange={setParams}
        loading={selection.isFetching}
      />
      {selection.isError && (
        <Alert type="error" showIcon title={errorMessage(selection.error)} data-testid="selection-error" />
      )}
      <Workbench
        key={`${view.envelopeFen}:${view.maxPerStreet ?? ''}`}
        view={view}
        competition={competition}
        a={a}
      />
    </Flex>
  );
}
