import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChangePct, formatInt, formatSigned } from './format';

interface Props {
  followers: number | null;
  netNew: number | null;
  /** Growth in percent (3.2 = +3,2%). */
  pct: number | null;
  followersTestId?: string;
  /** Further stats of the same list. */
  children?: ReactNode;
}

/** Followers at the end of a period, the net new ones and the growth. */
export function GrowthStats({ followers, netNew, pct, followersTestId, children }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <dl className="stats">
      <div>
        <dt>{t('analytics.followers.current')}</dt>
        <dd data-testid={followersTestId}>{formatInt(followers, lng)}</dd>
      </div>
      <div>
        <dt>{t('analytics.followers.netNew')}</dt>
        <dd>{formatSigned(netNew, lng)}</dd>
      </div>
      <div>
        <dt>{t('analytics.followers.growth')}</dt>
        <dd>{formatChangePct(pct, lng)}</dd>
      </div>
      {children}
    </dl>
  );
}
