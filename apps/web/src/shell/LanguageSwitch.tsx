import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('shell.language')}>
      {LANGUAGES.map((lng) => (
        <button key={lng} type="button" aria-pressed={i18n.language === lng} lang={lng} onClick={() => void i18n.changeLanguage(lng)}>
          {t(`shell.languages.${lng}`)}
        </button>
      ))}
    </div>
  );
}
