import { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

/** The console's button: one look per variant, a visible focus ring, `busy` disables it and says so. */
export function Button({
  variant = 'secondary',
  busy,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; busy?: boolean }) {
  return (
    <button
      type="button"
      {...rest}
      disabled={rest.disabled || busy}
      aria-busy={busy || undefined}
      className={[variant === 'link' ? 'link' : variant, 'btn', className].filter(Boolean).join(' ')}
    />
  );
}
