import { CompetitionWorkspace } from '../competitions/CompetitionWorkspace';
import { AssignmentTab } from './AssignmentTab';
import { ConflictsTab } from './ConflictsTab';
import { PanelTab } from './PanelTab';
import { RankingTab } from './RankingTab';
import { reviewAdminText } from './text';

/** 评审管理: per competition, the panel and its draw, conflicts, assignment, and the ranking. */
export default function ReviewAdminPage() {
  const t = reviewAdminText.useT();
  return (
    <CompetitionWorkspace
      title={t('title')}
      subtitle={t('subtitle')}
      pickLabel={t('pickCompetition')}
      emptyLabel={t('noCompetition')}
      include={(competition) => competition.status !== 'draft'}
      tabs={[
        { key: 'panel', label: t('tab.panel'), render: (competition) => <PanelTab competition={competition} /> },
        { key: 'conflicts', label: t('tab.conflicts'), render: (competition) => <ConflictsTab competition={competition} /> },
        { key: 'assignment', label: t('tab.assignment'), render: (competition) => <AssignmentTab competition={competition} /> },
        { key: 'ranking', label: t('tab.ranking'), render: (competition) => <RankingTab competition={competition} /> },
      ]}
    />
  );
}
