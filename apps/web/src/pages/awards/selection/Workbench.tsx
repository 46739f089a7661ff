import type { CompetitionView, SelectionView } from '@xiaoshi/contracts';
import { Alert, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { type AwardText } from '../text';
import { type Source, type Draft, fromAnswer } from './draft';
import { AnswerCard } from './AnswerCard';
import { DecisionEditor } from './DecisionEditor';

export function Workbench({
  view,
  competition,
  a,
}: {
  view: SelectionView;
  competition: CompetitionView;
  a: AwardText;
}) {
  const [draft, setDraft] = useState<Draft>(() => fromAnswer(view.rankOrder, 'rank_order'));
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const onlyRank = useMemo(() => new Set(view.comparison.onlyInRankOrder), [view]);
  const onlyOptimal = useMemo(() => new Set(view.comparison.onlyInOptimal), [view]);
  const adopt = (source: Source) => {
    setDraft((current) =>
      fromAnswer(source === 'rank_order' ? view.rankOrder : view.optimal, source, current.reasons),
    );
    setServerFields({});
  };
  return (
    <>
      <Row gutter={[16, 16]}>
        {(['rank_order', 'optimal'] as const).map((source) => (
          <Col xs={24} md={12} key={source}>
            <AnswerCard
              source={source}
              answer={source === 'rank_order' ? view.rankOrder : view.optimal}
              view={view}
              differs={source === 'rank_order' ? onlyRank : onlyOptimal}
              adopted={draft.source === source}
              onAdopt={() => adopt(source)}
            />
          </Col>
        ))}
      </Row>
      <Alert
        type={onlyRank.size || onlyOptimal.size ? 'warning' : 'info'}
        showIcon
        title={a('compare.title')}
        description={
          <span data-testid="comparison">
            {onlyRank.size || onlyOptimal.size ? view.comparison.explanation : a('compare.same')}
          </span>
        }
      />
      <DecisionEditor
        view={view}
        competition={competition}
        draft={draft}
        setDraft={setDraft}
        serverFields={serverFields}
        setServerFields={setServerFields}
      />
    </>
  );
}
