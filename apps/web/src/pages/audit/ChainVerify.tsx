import { SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { auditApi } from '../../api/endpoints';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

/** The button for the header; the verdict renders where the page puts <ChainVerdict>. */
export function useChainVerify() {
  return useMutation({ mutationFn: () => auditApi.verify() });
}

export function ChainVerifyButton({ verify }: { verify: ReturnType<typeof useChainVerify> }) {
  const { t } = useI18n();
  return (
    <Button
      type="primary"
      icon={<SafetyOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
    >
      {t('audit.verify')}
    </Button>
  );
}

export function ChainVerdict({ verify }: { verify: ReturnType<typeof useChainVerify> }) {
  const { t } = useI18n();
  if (verify.isError) {
    return (
      <Alert
        type="error"
        showIcon
        closable
        title={errorMessage(verify.error, t)}
        onClose={() => verify.reset()}
        style={{ marginBottom: 16 }}
      />
    );
  }
  if (!verify.data) return null;
  const report = verify.data;
  return (
    <Alert
      data-testid="chain-verdict"
      type={report.ok ? 'success' : 'error'}
      showIcon
      closable
      onClose={() => verify.reset()}
      title={report.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
      description={
        report.ok
          ? t('audit.verifyOkDetail', { count: report.checkedEvents })
          : t('audit.verifyBrokenDetail', { count: report.checkedEvents, seq: report.firstBrokenSeq ?? '?' })
      }
      style={{ marginBottom: 16 }}
    />
  );
}
