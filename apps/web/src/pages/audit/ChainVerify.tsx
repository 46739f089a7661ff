import { SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { auditApi } from '../../api/endpoints';
import { errorMessage } from '../../lib/errors';
import { auditText } from './text';

/** The button for the header; the verdict renders where the page puts <ChainVerdict>. */
export function useChainVerify() {
  return useMutation({ mutationFn: () => auditApi.verify() });
}

export function ChainVerifyButton({ verify }: { verify: ReturnType<typeof useChainVerify> }) {
  const t = auditText.useT();
  return (
    <Button
      type="primary"
      icon={<SafetyOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
    >
      {t('verify')}
    </Button>
  );
}

export function ChainVerdict({ verify }: { verify: ReturnType<typeof useChainVerify> }) {
  const t = auditText.useT();
  if (verify.isError) {
    return (
      <Alert
        type="error"
        showIcon
        closable
        title={errorMessage(verify.error)}
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
      title={report.ok ? t('verifyOk') : t('verifyBroken')}
      description={
        report.ok
          ? t('verifyOkDetail', { count: report.checkedEvents })
          : t('verifyBrokenDetail', { count: report.checkedEvents, seq: report.firstBrokenSeq ?? '?' })
      }
      style={{ marginBottom: 16 }}
    />
  );
}
