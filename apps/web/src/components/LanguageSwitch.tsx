import { Segmented } from 'antd';
import { commonText } from '../i18n/common';
import { setLang, useLang, type Lang } from '../i18n/i18n';

export function LanguageSwitch() {
  const t = commonText.useT();
  const lang = useLang();
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
