import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send, useApiMutation } from '../../api/query';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Unit } from './UnitControls';

/**
 * "Needs review" of one unit: the checkbox asks before it changes anything (it changes how every post of the unit
 * is published) and the page then says what was done.
 */
export function ReviewSwitch({ unit, onDone }: { unit: Unit; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const next = !unit.reviewRequired;
  const change = useApiMutation<boolean, unknown, Unit[]>({
    request: (reviewRequired) => send('PATCH', `/v1/units/${unit.id}`, { reviewRequired }),
    invalidates: ['/v1/units'],
    optimistic: { listPath: '/v1/units', apply: (list, reviewRequired) => list.map((u) => (u.id === unit.id ? { ...u, reviewRequired } : u)) },
    onSuccess: (_r, on) => onDone(t(on ? 'unitAdmin.reviewOnNotice' : 'unitAdmin.reviewOffNotice', { name: unit.name })),
  });
  return (
    <>
      <input
        type="checkbox"
        id={`review-${unit.id}`}
        className="inline-check"
        checked={unit.reviewRequired}
        onChange={(e) => {
          e.preventDefault();
          setAsking(true);
        }}
      />
      <label htmlFor={`review-${unit.id}`} className="inline-label">
        {t('unitAdmin.reviewRequired')}
      </label>
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t(next ? 'unitAdmin.reviewOnTitle' : 'unitAdmin.reviewOffTitle', { name: unit.name })}
        body={<p>{t(next ? 'unitAdmin.reviewOnBody' : 'unitAdmin.reviewOffBody')}</p>}
        confirmLabel={t(next ? 'unitAdmin.reviewOn' : 'unitAdmin.reviewOff')}
        variant={next ? 'primary' : 'danger'}
        onConfirm={() => change.mutateAsync(next).then(() => undefined)}
      />
    </>
  );
}
