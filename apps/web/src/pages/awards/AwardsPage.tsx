import { CompetitionWorkspace } from '../competitions/CompetitionWorkspace';
import './awards.css';
import { DecisionsList } from './DecisionsList';
import { SelectionWorkbench } from './SelectionWorkbench';
import { awardText } from './text';

/** 立项评审: per competition, the selection workbench and the decisions made so far. */
export default function AwardsPage() {
  const a = awardText.useT();
  return (
    <CompetitionWorkspace
      title={a('title')}
      subtitle={a('subtitle')}
      pickLabel={a('pickCompetition')}
      emptyLabel={a('noCompetition')}
      include={(competition) => competition.status !== 'draft' && competition.status !== 'cancelled'}
      tabs={[
        {
          key: 'selection',
          label: a('tab.selection'),
          render: (competition) => <SelectionWorkbench competition={competition} />,
        },
        {
          key: 'decisions',
          label: a('tab.decisions'),
          render: (competition) => <DecisionsList competitionId={competition.id} />,
        },
      ]}
    />
  );
}
