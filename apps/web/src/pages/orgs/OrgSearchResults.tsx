import { useQuery } from '@tanstack/react-query';
import { Empty, List, Skeleton, Typography } from 'antd';
import { orgsApi } from '../../api/endpoints';
import { QueryError } from '../../components/QueryError';
import { OrgTitle } from './OrgTitle';
import { orgsText } from './text';

interface Props {
  q: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** A flat list of units whose name matches, within the caller's scope. */
export function OrgSearchResults({ q, selectedId, onSelect }: Props) {
  const t = orgsText.useT();
  const query = useQuery({
    queryKey: ['org-units', 'search', q],
    queryFn: ({ signal }) => orgsApi.list({ q, limit: 50 }, signal),
  });
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryError compact error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty description={t('noResults')} />;
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('searchResults')}
      </Typography.Text>
      <List
        size="small"
        dataSource={query.data.items}
        renderItem={(unit) => (
          <List.Item
            onClick={() => onSelect(unit.id)}
            style={{
              cursor: 'pointer',
              paddingInline: 8,
              borderRadius: 6,
              background: unit.id === selectedId ? '#eff6ff' : undefined,
            }}
          >
            <OrgTitle unit={unit} />
          </List.Item>
        )}
      />
    </>
  );
}
