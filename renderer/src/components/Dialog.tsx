import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Shown under the title and used as the dialog's description. */
  description?: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** For forms with many fields. */
  wide?: boolean;
}

/**
 * A modal built on <dialog>: the browser traps focus, makes the page behind inert, and puts focus back
 * on the element that had it before. Escape closes it (through onClose, so React stays in charge).
 * Mark the control that should take focus first with `data-autofocus`.
 */
export function Dialog({ title, onClose, children, description, role = 'dialog', wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // A layout effect, so the cleanup runs while the dialog is still in the document and focus can go back.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description ? (
        <div id={descriptionId} className="dialog-description">
          {description}
        </div>
      ) : null}
      {children}
    </dialog>
  );
}
