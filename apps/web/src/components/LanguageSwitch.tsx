import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n/I18nProvider';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.switch')}
      value={lang}
      onChange={setLang}
      options={[
        { label: t('lang.zh'), value: 'zh' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
