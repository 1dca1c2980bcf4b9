import { ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonVariant } from './Button';

export interface ConfirmProps {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  /** May throw: the message stays in the dialog. */
  onConfirm: () => Promise<void> | void;
}

/** A modal dialog that says what a risky change will do; only its confirm button does it. */
export function ConfirmDialog({ open, onClose, title, body, confirmLabel, variant, onConfirm }: ConfirmProps & { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setError(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onClose}>
      {open && (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          <div id={`${id}-body`}>{body}</div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions dialog-actions">
            <Button onClick={onClose} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button variant={variant === 'danger' ? 'danger' : 'primary'} busy={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** A button that asks first (ConfirmDialog). */
export function ConfirmButton({ label, variant = 'secondary', ...confirm }: ConfirmProps & { label: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog {...confirm} variant={variant} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
