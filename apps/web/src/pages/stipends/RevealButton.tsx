import { EyeOutlined } from '@ant-design/icons';
import type { StipendPersonSecretsView } from '@xiaoshi/contracts';
import { Alert, App, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { stipendsApi } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { errorMessage } from '../../lib/errors';
import { revealText } from './reveal-text';

/**
 * 查看: the clear ID number, bank account (and phone) of one roster person, for the roles that may
 * see them (district admins and finance). Nothing is fetched until asked; the API audits each call.
 */
export function RevealButton({ personId, name }: { personId: number; name: string }) {
  const t = revealText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const [data, setData] = useState<StipendPersonSecretsView | null>(null);
  if (!can('stipends.reveal')) return null;

  const open = async () => {
    setLoading(true);
    try {
      setData(await stipendsApi.reveal(personId));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={() => void open()} aria-label={`${t('view')} ${name}`}>
        {t('view')}
      </Button>
      <Modal
        open={data !== null}
        title={t('title', { name })}
        onCancel={() => setData(null)}
        footer={<Button onClick={() => setData(null)}>{t('close')}</Button>}
        destroyOnHidden
      >
        {data && (
          <>
            <Alert type="info" showIcon title={t('notice')} style={{ marginBottom: 12 }} />
            <Descriptions
              size="small"
              column={1}
              bordered
              className="xs-reveal"
              styles={{ content: { fontVariantNumeric: 'tabular-nums', wordBreak: 'break-all' } }}
              items={[
                { key: 'id', label: t('nationalId'), children: data.nationalId },
                { key: 'birth', label: t('birthDate'), children: data.birthDate },
                { key: 'bank', label: t('bank'), children: data.bankName },
                { key: 'account', label: t('account'), children: data.bankAccount },
                ...(data.phone ? [{ key: 'phone', label: t('phone'), children: data.phone }] : []),
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
