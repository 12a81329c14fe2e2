/**
 * Stands in for `@atlaskit/feature-gate-js-client/feature-gates` in the Custom UI builds
 * (static/vite.config.mjs `resolve.alias`). Atlaskit components ask it whether an Atlassian-internal
 * feature flag is on; outside Atlassian's own products the client is never initialised, so every
 * answer is already `false` (after a console warning). The real client brings the Statsig SDK, about
 * 60 KiB gzip per app, for those constant answers: this one gives them without it.
 */
const FeatureGates = {
  checkGate: (_gateName: string, _options?: unknown): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T, _options?: unknown): T =>
    defaultValue,
  initializeCompleted: (): boolean => false,
  // Only called after `initializeCompleted()` answered true, which never happens here.
  getExperiment: (_experiment: string): undefined => undefined,
};

export default FeatureGates;
