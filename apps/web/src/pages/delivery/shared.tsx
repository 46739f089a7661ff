import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { InspectionView, PaymentStatus, ProjectStatus, ProjectView } from '@xiaoshi/contracts';
import { Image, Skeleton, Tag, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { DownloadedFile } from '../../api/client';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../lib/errors';
import { deliveryApi, paymentsApi } from '../../api/delivery';
import { deliveryText, type DeliveryKey, type DeliveryText } from './i18n';
import './delivery.css';

const STATUS_COLORS: Record<ProjectStatus, string> = {
  in_progress: 'processing',
  acceptance_requested: 'gold',
  inspecting: 'purple',
  rectification: 'orange',
  accepted: 'success',
  failed: 'error',
  closed: 'default',
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const d = deliveryText.useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-project-status={status} style={{ marginInlineEnd: 0 }}>
      {d(`status.${status}` as DeliveryKey)}
    </Tag>
  );
}

const PAYMENT_COLORS: Record<PaymentStatus, string> = {
  requested: 'gold',
  approved: 'processing',
  rejected: 'default',
  paid: 'success',
  reversed: 'error',
};

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  const d = deliveryText.useT();
  return (
    <Tag color={PAYMENT_COLORS[status]} data-payment-status={status} style={{ marginInlineEnd: 0 }}>
      {d(`payments.status.${status}` as DeliveryKey)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: InspectionView['outcome'] }) {
  const d = deliveryText.useT();
  if (!outcome) return <Tag>{d('inspections.waiting')}</Tag>;
  const color = outcome === 'passed' ? 'success' : outcome === 'rectification' ? 'orange' : 'error';
  return (
    <Tag color={color} data-outcome={outcome} style={{ marginInlineEnd: 0 }}>
      {d(`outcome.${outcome}`)}
    </Tag>
  );
}

export function kindLabel(d: DeliveryText, kind: 'acceptance' | 'supervision'): string {
  return d(`kind.${kind}`);
}

export function conditionLabel(d: DeliveryText, condition: string, fallback: string): string {
  const key = `condition.${condition}`;
  return deliveryText.has(key) ? d(key as DeliveryKey) : fallback;
}

// --- queries

export function useProject(id: number) {
  return useQuery({
    queryKey: ['delivery', 'project', id],
    queryFn: ({ signal }) => deliveryApi.project(id, signal),
    enabled: Number.isFinite(id),
  });
}

export function useReports(id: number) {
  return useQuery({
    queryKey: ['delivery', 'reports', id],
    queryFn: ({ signal }) => deliveryApi.reports(id, signal),
    enabled: Number.isFinite(id),
  });
}

export function useInspections(id: number) {
  return useQuery({
    queryKey: ['delivery', 'inspections', id],
    queryFn: ({ signal }) => deliveryApi.inspections(id, signal),
    enabled: Number.isFinite(id),
  });
}

export function useProjectPayments(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['payments', 'list', { projectId: id }],
    queryFn: ({ signal }) => paymentsApi.list({ projectId: id }, signal),
    enabled: enabled && Number.isFinite(id),
  });
}

/** After any delivery or payment change: projects, reports, inspections, payments, the ledger. */
export function useDeliveryRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['delivery'] }),
      queryClient.invalidateQueries({ queryKey: ['payments'] }),
      queryClient.invalidateQueries({ queryKey: ['budgets'] }),
    ]);
}

/** Paid per tranche, filling tranches in order with what was paid on the project. */
export function paidPerTranche(project: ProjectView): number[] {
  let left = project.money.paidFen;
  return project.tranches.map((tranche) => {
    const paid = Math.min(left, tranche.amountFen);
    left -= paid;
    return paid;
  });
}

// --- errors

/**
 * Puts the API's field messages on the form, renaming API fields to form fields (amountFen →
 * amount), and toasts whatever fits no field.
 */
export function showFormError(
  form: FormInstance,
  error: unknown,
  fieldMap: Record<string, string>,
  toast: (text: string) => void,
): void {
  const unplaced: string[] = [];
  const placed: Array<{ name: string; errors: string[] }> = [];
  if (isApiError(error)) {
    for (const [path, text] of Object.entries(error.fields)) {
      const name = fieldMap[path] ?? fieldMap[path.split('.')[0]];
      if (name) placed.push({ name, errors: [text] });
      else unplaced.push(text);
    }
  }
  if (placed.length) form.setFields(placed);
  if (!placed.length || unplaced.length) toast([errorMessage(error), ...unplaced].join(' '));
}

// --- files

/**
 * Opens an HTML document the API renders (voucher, certificate) in a new tab. The tab is opened
 * at the click (pop-up blockers allow that), then pointed at the fetched document.
 */
export async function openHtml(fetchDocument: () => Promise<DownloadedFile>): Promise<boolean> {
  const tab = window.open('', '_blank');
  try {
    const file = await fetchDocument();
    const url = URL.createObjectURL(new Blob([file.blob], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 120_000);
    return !!tab;
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/** A project photo: fetched with the access token (an <img src> would carry none). */
export function ProjectPhoto({ id, name, size = 96 }: { id: number; name: string; size?: number }) {
  const photo = useQuery({
    queryKey: ['delivery', 'photo', id],
    queryFn: () => deliveryApi.photo(id),
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo.data) return;
    const next = URL.createObjectURL(photo.data.blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [photo.data]);
  if (!url) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return (
    <Image
      src={url}
      alt={name}
      width={size}
      height={size}
      style={{ objectFit: 'cover', borderRadius: 6 }}
      data-testid={`photo-${id}`}
    />
  );
}
