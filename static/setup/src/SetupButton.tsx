import { Pressable, xcss } from '@atlaskit/primitives';

/** The setup page's buttons: neutral, or the brand colour for the step that changes the site. */
export function SetupButton({
  onClick,
  label,
  testId,
  primary = false,
}: {
  onClick: () => void;
  label: string;
  testId: string;
  primary?: boolean;
}) {
  return (
    <Pressable onClick={onClick} testId={testId} xcss={primary ? [buttonStyles, primaryStyles] : buttonStyles}>
      {label}
    </Pressable>
  );
}

const buttonStyles = xcss({
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  ':hover': { backgroundColor: 'color.background.neutral.hovered' },
});
const primaryStyles = xcss({
  backgroundColor: 'color.background.brand.bold',
  color: 'color.text.inverse',
  ':hover': { backgroundColor: 'color.background.brand.bold.hovered' },
});
