/**
 * The one button of every page: the design system's Button (`@atlaskit/button/new`), so focus ring,
 * hover, pressed and disabled looks come from the platform in light and dark. A disabled button gets
 * the design system's disabled colours and the native `disabled` attribute (not focusable, not
 * clickable), so it never looks like it would do something.
 */
import { forwardRef, type ReactNode } from 'react';
import AtlaskitButton from '@atlaskit/button/new';

export type ButtonAppearance = 'default' | 'primary' | 'danger' | 'subtle';

export interface ButtonProps {
  children: ReactNode;
  /** Not needed for `type="submit"`: the form's own submit handler runs. */
  onClick?: () => void;
  appearance?: ButtonAppearance;
  isDisabled?: boolean;
  /** A toggle that is on (e.g. "This case helped" marked). */
  isSelected?: boolean;
  /** A spinner instead of the label while its action runs; the button keeps its size. */
  isLoading?: boolean;
  type?: 'button' | 'submit';
  spacing?: 'default' | 'compact';
  /** Names the button when its text alone is ambiguous (e.g. "Remove" beside a name). */
  label?: string;
  /** `aria-pressed` for a toggle button. */
  pressed?: boolean;
  testId?: string;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    children,
    onClick,
    appearance = 'default',
    isDisabled = false,
    isSelected,
    isLoading,
    type = 'button',
    spacing,
    label,
    pressed,
    testId,
  },
  ref,
) {
  return (
    <AtlaskitButton
      ref={ref}
      appearance={appearance}
      isDisabled={isDisabled}
      type={type}
      {...(isSelected === undefined ? {} : { isSelected })}
      {...(isLoading === undefined ? {} : { isLoading })}
      {...(spacing === undefined ? {} : { spacing })}
      {...(label === undefined ? {} : { 'aria-label': label })}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      {...(testId === undefined ? {} : { testId })}
      {...(onClick === undefined ? {} : { onClick: () => onClick() })}
    >
      {children}
    </AtlaskitButton>
  );
});
