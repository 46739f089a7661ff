import { APPLICATION_STATUSES } from '@xiaoshi/domain';
import { Button, Flex, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useSessionUser } from '../../app/auth/AuthContext';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { applicationStatusText } from '../../i18n/enums';
import { useCompetitions } from '../competitions/useCompetitions';
import type { ApplicationFilterValues } from './useApplicationFilters';
import { applicationsText } from './text';
import { commonText } from '../../i18n/common';

interface Props {
  value: ApplicationFilterValues;
  onChange: (value: ApplicationFilterValues) => void;
  /** Statuses that make sense on the current tab. */
  statusOptions: string[] | null;
}

export function ApplicationFilters({ value, onChange, statusOptions }: Props) {
  const t = applicationsText.useT();
  const tc = commonText.useT();
  const user = useSessionUser();
  const [text, setText] = useState(value.q ?? '');
  const competitions = useCompetitions({});
  const units = useScopedUnits();
  const streets = useMemo(() => (units.data ?? []).filter((unit) => unit.kind === 'street'), [units.data]);
  const communities = useMemo(
    () =>
      (units.data ?? []).filter(
        (unit) => unit.kind === 'community' && (!value.streetId || unit.parentId === value.streetId),
      ),
    [units.data, value.streetId],
  );
  const competition = competitions.data?.find((candidate) => candidate.id === value.competitionId);
  // A street officer has one street, a community officer one community: no point asking.
  const showStreet = user.unit.kind === 'district' || streets.length > 1;
  const showCommunity = user.unit.kind !== 'community';
  const hasFilters =
    value.competitionId !== undefined ||
    value.streetId !== undefined ||
    value.communityId !== undefined ||
    value.categoryId !== undefined ||
    value.status.length > 0 ||
    !!value.q;

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="application-filters">
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filter.competition')}
        aria-label={t('filterBy.competition')}
        value={value.competitionId}
        onChange={(competitionId) =>
          onChange({ ...value, competitionId: competitionId ?? undefined, categoryId: undefined })
        }
        options={(competitions.data ?? []).map((item) => ({ value: item.id, label: item.title }))}
        loading={competitions.isPending}
        style={{ width: 260 }}
        popupMatchSelectWidth={false}
      />
      <Select<number>
        allowClear
        placeholder={t('filter.category')}
        aria-label={t('filterBy.category')}
        value={value.categoryId}
        disabled={!competition}
        onChange={(categoryId) => onChange({ ...value, categoryId: categoryId ?? undefined })}
        options={(competition?.categories ?? []).map((item) => ({ value: item.id, label: item.name }))}
        style={{ width: 130 }}
      />
      {showStreet && (
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.street')}
          aria-label={t('filterBy.street')}
          value={value.streetId}
          onChange={(streetId) =>
            onChange({ ...value, streetId: streetId ?? undefined, communityId: undefined })
          }
          options={streets.map((unit) => ({ value: unit.id, label: unit.name }))}
          style={{ width: 150 }}
        />
      )}
      {showCommunity && (
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.community')}
          aria-label={t('filterBy.community')}
          value={value.communityId}
          onChange={(communityId) => onChange({ ...value, communityId: communityId ?? undefined })}
          options={communities.map((unit) => ({ value: unit.id, label: unit.name }))}
          style={{ width: 160 }}
          popupMatchSelectWidth={false}
        />
      )}
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('filter.status')}
        aria-label={t('filterBy.status')}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={(statusOptions ?? [...APPLICATION_STATUSES]).map((status) => ({
          value: status,
          label: applicationStatusText.label(status),
        }))}
        style={{ width: 200 }}
      />
      <Input.Search
        allowClear
        placeholder={t('filter.q')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 220 }}
        maxLength={50}
      />
      {hasFilters && (
        <Button
          type="link"
          onClick={() => {
            setText('');
            onChange({ status: [], tab: value.tab });
          }}
        >
          {tc('reset')}
        </Button>
      )}
    </Flex>
  );
}
