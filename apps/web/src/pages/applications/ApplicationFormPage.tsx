import { Result, Skeleton } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useApplication } from './useApplication';
import { applicationsText } from './text';
import { ApplicationForm } from './form/ApplicationForm';

export default function ApplicationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const t = applicationsText.useT();
  const editingId = id ? Number(id) : undefined;
  const existing = useApplication(editingId);

  if (editingId !== undefined) {
    if (existing.isError)
      return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
    if (existing.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
    if (!existing.data.editable) {
      return (
        <Result
          status="info"
          title={t('notEditable')}
          extra={<Link to={`/applications/${existing.data.id}`}>{t('backToDetail')}</Link>}
        />
      );
    }
  }
  const fromQuery = Number(params.get('competitionId'));
  return (
    <ApplicationForm
      key={existing.data?.id ?? 'new'}
      original={existing.data}
      initialCompetitionId={Number.isSafeInteger(fromQuery) && fromQuery > 0 ? fromQuery : undefined}
      justCreated={params.get('created') === '1'}
    />
  );
}
