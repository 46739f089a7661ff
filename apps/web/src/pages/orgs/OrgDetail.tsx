import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { OrgUnitKind, OrgUnitView } from '@xiaoshi/contracts';
import { Badge, Button, Card, Descriptions, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { orgsApi } from '../../api/endpoints';
import { useSessionUser } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { UnitKindTag } from '../../components/UnitKindTag';
import { organisationTypeText } from '../../i18n/enums';
import { orgKeys } from './useOrgTree';
import { orgsText } from './text';
import { commonText } from '../../i18n/common';

/** Which kinds an admin may create below a unit of this kind (mirrors the API's tree rules). */
export const CREATABLE_CHILDREN: Record<OrgUnitKind, OrgUnitKind[]> = {
  province: [],
  city: [],
  district: ['street', 'organisation'],
  street: ['community'],
  community: [],
  organisation: [],
};

interface Props {
  unitId: number;
  parentName?: string;
  onEdit: (unit: OrgUnitView) => void;
  onCreate: (parent: OrgUnitView, kind: OrgUnitKind) => void;
}

export function OrgDetail({ unitId, parentName, onEdit, onCreate }: Props) {
  const t = orgsText.useT();
  const tc = commonText.useT();
  const user = useSessionUser();
  const query = useQuery({
    queryKey: orgKeys.one(unitId),
    queryFn: ({ signal }) => orgsApi.get(unitId, signal),
  });

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return <QueryError compact error={query.error} onRetry={() => void query.refetch()} />;
  const unit = query.data;

  const canCreate = user.permissions.includes('orgs.create');
  // The API lets a street officer correct their communities, not their own street.
  const ownUnitLocked = unit.id === user.unit.id && !user.roles.includes('district_admin');
  const canEdit = user.permissions.includes('orgs.update') && !ownUnitLocked;
  const masked = !!unit.contactPhone?.includes('*');
  const dash = tc('none');

  const createKeys: Record<
    OrgUnitKind,
    'create.street' | 'create.community' | 'create.organisation' | null
  > = {
    province: null,
    city: null,
    district: null,
    street: 'create.street',
    community: 'create.community',
    organisation: 'create.organisation',
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {unit.name}
          </Typography.Title>
          <Flex gap={6} style={{ marginTop: 6 }}>
            <UnitKindTag kind={unit.kind} />
            <Badge
              status={unit.active ? 'success' : 'default'}
              text={tc(unit.active ? 'active' : 'inactive')}
            />
          </Flex>
        </div>
        <Flex gap={8} wrap>
          {canCreate &&
            CREATABLE_CHILDREN[unit.kind].map((kind) => {
              const key = createKeys[kind];
              return key ? (
                <Button key={kind} icon={<PlusOutlined />} onClick={() => onCreate(unit, kind)}>
                  {t(key)}
                </Button>
              ) : null;
            })}
          {canEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(unit)}>
              {tc('edit')}
            </Button>
          )}
          {!canEdit && ownUnitLocked && user.permissions.includes('orgs.update') && (
            <Tooltip title={t('ownUnitReadOnly')}>
              <Button icon={<EditOutlined />} disabled>
                {tc('edit')}
              </Button>
            </Tooltip>
          )}
        </Flex>
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'name', label: t('field.name'), children: unit.name, span: 'filled' },
          { key: 'code', label: t('field.code'), children: unit.code ?? dash },
          { key: 'parent', label: t('field.parent'), children: parentName ?? dash },
          ...(unit.kind === 'organisation'
            ? [
                {
                  key: 'orgType',
                  label: t('field.organisationType'),
                  children: unit.organisationType ? organisationTypeText.label(unit.organisationType) : dash,
                },
                { key: 'credit', label: t('field.creditCode'), children: unit.creditCode ?? dash },
              ]
            : []),
          { key: 'contact', label: t('field.contactName'), children: unit.contactName ?? dash },
          {
            key: 'phone',
            label: t('field.contactPhone'),
            children: unit.contactPhone ? (
              <Tooltip title={masked ? t('maskedPhone') : undefined}>{unit.contactPhone}</Tooltip>
            ) : (
              dash
            ),
          },
          { key: 'children', label: t('field.childCount'), children: unit.childCount },
          { key: 'version', label: tc('version'), children: unit.version },
        ]}
      />
    </Flex>
  );
}

export function OrgDetailCard(props: Props) {
  const t = orgsText.useT();
  return (
    <Card title={t('details')} variant="borderless">
      <OrgDetail {...props} />
    </Card>
  );
}
