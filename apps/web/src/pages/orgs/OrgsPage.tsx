import { useQueryClient } from '@tanstack/react-query';
import type { OrgUnitKind, OrgUnitView } from '@xiaoshi/contracts';
import { App, Card, Col, Empty, Input, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { orgsApi } from '../../api/endpoints';
import { useSessionUser } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { OrgCreateModal, type CreateTarget } from './OrgCreateModal';
import { OrgDetailCard } from './OrgDetail';
import { OrgEditModal } from './OrgEditModal';
import { OrgSearchResults } from './OrgSearchResults';
import { OrgTree } from './OrgTree';
import { orgKeys, useOrgTree } from './useOrgTree';
import { orgsText } from './text';

export default function OrgsPage() {
  const user = useSessionUser();
  const t = orgsText.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tree = useOrgTree(user.unit.id);
  const [expanded, setExpanded] = useState<number[]>([user.unit.id]);
  const [selectedId, setSelectedId] = useState<number | null>(user.unit.id);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<OrgUnitView | null>(null);
  const [creating, setCreating] = useState<CreateTarget | null>(null);
  const { loadChildren } = tree;

  const load = (parentId: number, force = false) =>
    loadChildren(parentId, force).catch((error: unknown) => {
      void message.error(errorMessage(error));
    });

  // Open the first level straight away: the user's own unit and what sits directly below it.
  const rootLoaded = !!tree.root.data;
  useEffect(() => {
    if (rootLoaded) void loadChildren(user.unit.id).catch(() => undefined);
  }, [rootLoaded, loadChildren, user.unit.id]);

  const selected = selectedId === null ? undefined : tree.units[selectedId];
  const parentName = selected?.parentId ? tree.units[selected.parentId]?.name : undefined;

  const onCreated = (unit: OrgUnitView) => {
    void tree.created(unit).then(() => {
      if (unit.parentId)
        setExpanded((keys) => (keys.includes(unit.parentId!) ? keys : [...keys, unit.parentId!]));
      setSelectedId(unit.id);
    });
  };

  const onConflict = (unitId: number) => {
    void queryClient
      .fetchQuery({ queryKey: orgKeys.one(unitId), queryFn: () => orgsApi.get(unitId), staleTime: 0 })
      .then(tree.updated, (error: unknown) => void message.error(errorMessage(error)));
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={8}>
          <Card title={t('tree')} variant="borderless" styles={{ body: { paddingTop: 12 } }}>
            <Input.Search
              allowClear
              placeholder={t('searchPlaceholder')}
              onSearch={(value) => setSearch(value.trim())}
              style={{ marginBottom: 12 }}
              maxLength={50}
            />
            {search ? (
              <OrgSearchResults q={search} selectedId={selectedId} onSelect={setSelectedId} />
            ) : tree.root.isPending ? (
              <Skeleton active />
            ) : tree.root.isError ? (
              <QueryError compact error={tree.root.error} onRetry={() => void tree.root.refetch()} />
            ) : (
              <OrgTree
                rootId={user.unit.id}
                units={tree.units}
                children={tree.children}
                expandedKeys={expanded}
                onExpand={setExpanded}
                selectedId={selectedId}
                onSelect={setSelectedId}
                loadChildren={(id) => load(id)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} xl={16}>
          {selectedId === null ? (
            <Card variant="borderless">
              <Empty description={t('selectHint')} />
            </Card>
          ) : (
            <OrgDetailCard
              unitId={selectedId}
              parentName={parentName}
              onEdit={setEditing}
              onCreate={(parent: OrgUnitView, kind: OrgUnitKind) => setCreating({ parent, kind })}
            />
          )}
        </Col>
      </Row>
      <OrgEditModal
        unit={editing}
        onClose={() => setEditing(null)}
        onSaved={tree.updated}
        onConflict={onConflict}
      />
      <OrgCreateModal target={creating} onClose={() => setCreating(null)} onCreated={onCreated} />
    </>
  );
}
