import type { CompetitionView } from '@xiaoshi/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { competitionStatusLabel } from '../../i18n/pipelineLabels';

const COLORS: Record<CompetitionView['status'], string> = {
  draft: 'default',
  published: 'processing',
  closed: 'success',
  cancelled: 'error',
};

export function CompetitionStatusTag({
  competition,
}: {
  competition: Pick<CompetitionView, 'status' | 'windowOpen'>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={COLORS[competition.status]} style={{ marginInlineEnd: 4 }}>
        {competitionStatusLabel(competition.status, t)}
      </Tag>
      {competition.status === 'published' && competition.windowOpen && (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          {t('competitions.windowOpen')}
        </Tag>
      )}
    </>
  );
}
