import { PRERENDERING } from '../../app/prerendered';
import { commonText } from '../../i18n/common';
import { setLang, useLang, type Lang } from '../../i18n/i18n';

/**
 * The language switch of the sign-in page: antd's Segmented (components/LanguageSwitch) drawn with
 * two radio buttons and styles.css, so that the first page loads none of antd's components.
 */
export function LoginLanguageSwitch() {
  const t = commonText.useT();
  const lang = useLang();
  const options: Array<{ value: Lang; label: string }> = [
    { value: 'zh', label: t('lang.zh') },
    { value: 'en', label: t('lang.en') },
  ];
  return (
    <div className="xs-segmented" role="radiogroup" aria-label={t('lang.switch')}>
      {options.map((option) => (
        <label key={option.value} className={option.value === lang ? 'xs-segmented-selected' : undefined}>
          <input
            type="radio"
            name="xs-login-lang"
            value={option.value}
            checked={option.value === lang}
            disabled={PRERENDERING || undefined}
            onChange={() => setLang(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
