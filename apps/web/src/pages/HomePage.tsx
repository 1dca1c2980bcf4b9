import { useTranslation } from 'react-i18next';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <ul className="cards">
        <li className="card">
          <h2>{t('home.cards.plan.title')}</h2>
          <p>{t('home.cards.plan.body')}</p>
        </li>
        <li className="card">
          <h2>{t('home.cards.review.title')}</h2>
          <p>{t('home.cards.review.body')}</p>
        </li>
        <li className="card">
          <h2>{t('home.cards.grow.title')}</h2>
          <p>{t('home.cards.grow.body')}</p>
        </li>
      </ul>
    </section>
  );
}
