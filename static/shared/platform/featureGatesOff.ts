/**
 * Stands in for `@atlaskit/feature-gate-js-client/feature-gates` in the Custom UI builds (alias in
 * static/vite.config.mjs). Atlaskit components ask it for their rollout flags
 * (`@atlaskit/platform-feature-flags`), but nothing initialises a Statsig client inside a Forge
 * iframe, so the real client answers every gate `false` (after a console warning) while adding about
 * 29 KB gzip of Statsig code to every app. This answers `false` without it: the components' default,
 * documented behaviour.
 */
const FeatureGatesOff = {
  checkGate: (_gateName: string): boolean => false,
};

export default FeatureGatesOff;
