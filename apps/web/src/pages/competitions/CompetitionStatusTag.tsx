import type { CompetitionView } from '@xiaoshi/contracts';
import { Tag } from 'antd';
import { competitionStatusText } from '../../i18n/enums';
import { competitionsText } from './text';

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
  const t = competitionsText.useT();
  return (
    <>
      <Tag color={COLORS[competition.status]} style={{ marginInlineEnd: 4 }}>
        {competitionStatusText.label(competition.status)}
      </Tag>
      {competition.status === 'published' && competition.windowOpen && (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          {t('windowOpen')}
        </Tag>
      )}
    </>
  );
}
