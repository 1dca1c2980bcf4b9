import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetRow } from './analytics-api';
import { ProgressBar } from './ProgressBar';
import { TargetEditor } from './TargetEditor';

interface Props {
  rows: TargetRow[];
  /** YYYY-MM: the month the targets belong to. */
  month: string;
  /** Whether the caller may set targets for this row's unit; absent = read only (the printed report). */
  canEdit?: (unitId: string) => boolean;
  onSaved?: () => void;
}

/** Monthly targets per unit with progress bars; editors get an inline form per row. */
export function TargetsTable({ rows, month, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const cols = canEdit ? 4 : 3;
  return (
    <div className="table-wrap">
      <table className="targets">
        <thead>
          <tr>
            <th scope="col">{t('analytics.unit')}</th>
            <th scope="col">{t('analytics.targets.followers')}</th>
            <th scope="col">{t('analytics.targets.posts')}</th>
            {canEdit && <th scope="col">{t('analytics.targets.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.unitId}>
              <tr data-unit={r.unitId}>
                <th scope="row">{r.unitName}</th>
                <td>
                  <ProgressBar label={t('analytics.targets.followers')} value={r.followers} target={r.followersTarget} pct={r.followersProgressPct} />
                </td>
                <td>
                  <ProgressBar label={t('analytics.targets.posts')} value={r.posts} target={r.postsTarget} pct={r.postsProgressPct} />
                </td>
                {canEdit && (
                  <td>
                    {canEdit(r.unitId) && editing !== r.unitId && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setEditing(r.unitId)}
                        aria-label={t('analytics.targets.editFor', { unit: r.unitName })}
                      >
                        {t('analytics.targets.edit')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
              {editing === r.unitId && (
                <tr>
                  <td colSpan={cols}>
                    <TargetEditor
                      row={r}
                      month={month}
                      onCancel={() => setEditing(null)}
                      onSaved={() => {
                        setEditing(null);
                        onSaved?.();
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
