import { useState, type CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/** A user's avatar (hidden when the image does not load: the name says who it is). */
export function PersonAvatar({ url, small = false }: { url: string | null; small?: boolean }) {
  const [failed, setFailed] = useState(false);
  if (url === null || failed) return null;
  return <img src={url} alt="" style={small ? chipAvatarStyle : avatarStyle} onError={() => setFailed(true)} />;
}

const avatarStyle: CSSProperties = {
  width: token('space.300'),
  height: token('space.300'),
  borderRadius: token('radius.full'),
  flexShrink: 0,
};
const chipAvatarStyle: CSSProperties = { ...avatarStyle, width: token('space.200'), height: token('space.200') };
