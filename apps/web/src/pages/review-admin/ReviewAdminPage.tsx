import { useI18n } from '../../i18n/I18nProvider';
import { CompetitionWorkspace } from '../competitions/CompetitionWorkspace';
import { AssignmentTab } from './AssignmentTab';
import { ConflictsTab } from './ConflictsTab';
import { PanelTab } from './PanelTab';
import { RankingTab } from './RankingTab';

/** 评审管理: per competition, the panel and its draw, conflicts, assignment, and the ranking. */
export default function ReviewAdminPage() {
  const { t } = useI18n();
  return (
    <CompetitionWorkspace
      title={t('reviewAdmin.title')}
      subtitle={t('reviewAdmin.subtitle')}
      pickLabel={t('reviewAdmin.pickCompetition')}
      emptyLabel={t('reviewAdmin.noCompetition')}
      include={(competition) => competition.status !== 'draft'}
      tabs={[
        { key: 'panel', label: t('reviewAdmin.tab.panel'), render: (competition) => <PanelTab competition={competition} /> },
        { key: 'conflicts', label: t('reviewAdmin.tab.conflicts'), render: (competition) => <ConflictsTab competition={competition} /> },
        { key: 'assignment', label: t('reviewAdmin.tab.assignment'), render: (competition) => <AssignmentTab competition={competition} /> },
        { key: 'ranking', label: t('reviewAdmin.tab.ranking'), render: (competition) => <RankingTab competition={competition} /> },
      ]}
    />
  );
}
