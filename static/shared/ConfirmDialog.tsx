import { useEffect, useId, useRef, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

/**
 * The confirmation of a destructive action (restore a backup, publish an old grading version) as a modal
 * dialog shaped like Atlaskit's: title, what will happen, the action in its appearance and Cancel. It is
 * the browser's `<dialog>` opened with showModal(), which keeps focus inside, makes the page behind inert
 * and closes on Esc. Atlaskit's Modal would do the same, but its portal loads the theme provider with
 * every theme's tokens: about 75 KB gzip more per app, past the 250 KiB budget (measured for issue 16).
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  appearance = 'danger',
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  appearance?: 'danger' | 'warning' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid={testId}
      style={dialogStyle}
      // Esc: the browser closes the dialog; the caller's state follows.
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <Stack space="space.200">
          <h2 id={titleId} style={titleStyle}>
            {title}
          </h2>
          <div>{children}</div>
          <Inline space="space.100" alignInline="end">
            {/* First in the dialog, so showModal() focuses the harmless choice. */}
            <Button
              appearance="subtle"
              onClick={onCancel}
              {...(testId === undefined ? {} : { testId: `${testId}-cancel` })}
            >
              {cancelLabel}
            </Button>
            <Button
              appearance={appearance}
              onClick={onConfirm}
              {...(testId === undefined ? {} : { testId: `${testId}-confirm` })}
            >
              {confirmLabel}
            </Button>
          </Inline>
        </Stack>
      ) : null}
    </dialog>
  );
}

const dialogStyle: React.CSSProperties = {
  maxWidth: '34em',
  border: 'none',
  borderRadius: token('radius.large'),
  padding: token('space.300'),
  backgroundColor: token('elevation.surface.overlay'),
  color: token('color.text'),
  boxShadow: token('elevation.shadow.overlay'),
};

const titleStyle: React.CSSProperties = { font: token('font.heading.medium'), margin: 0 };
