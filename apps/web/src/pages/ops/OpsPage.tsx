import { PageHeader } from '../../components/PageHeader';
import { OpsPanel } from './OpsPanel';
import { opsText as text } from './text';

/** 运行状态: health and queue counts (queues.read), moved off the 工作台. */
export default function OpsPage() {
  const t = text.useT();
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <OpsPanel />
    </>
  );
}
