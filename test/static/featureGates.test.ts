/**
 * The Custom UI builds replace `@atlaskit/feature-gate-js-client/feature-gates` with static/shared/featureGates.ts
 * (docs/decisions/atlaskit-bundle.md). These tests prove the stand-in answers as the real, uninitialised client
 * does, and that every installed Atlaskit file importing it calls only what the stand-in has (a new Atlaskit
 * release calling more fails here).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import stub from '../../static/shared/featureGates';

interface GateClient {
  initializeCompleted: () => boolean;
  checkGate: (gate: string) => boolean;
  getExperimentValue: <T>(experiment: string, parameter: string, defaultValue: T) => T;
}

function jsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return jsFilesUnder(full);
    return full.endsWith('.js') ? [full] : [];
  });
}

describe('feature-gate stand-in', () => {
  const atlaskit = path.join(__dirname, '..', '..', 'node_modules', '@atlaskit');

  it('answers as the real client does before anyone initialises it', () => {
    // The real client logs the "not initialised" refusal once; keep the test output clean.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const real = jest.requireActual<{ default: GateClient }>('@atlaskit/feature-gate-js-client').default;
    quiet.mockRestore();
    for (const client of [real, stub]) {
      expect(client.initializeCompleted()).toBe(false);
      expect(client.checkGate('platform_visual_refresh')).toBe(false);
      expect(client.getExperimentValue('an_experiment', 'isEnabled', 'fallback')).toBe('fallback');
    }
  });

  it('has every method the installed Atlaskit packages call', () => {
    const called = new Set<string>();
    for (const pkg of readdirSync(atlaskit).filter((p) => p !== 'feature-gate-js-client')) {
      const esm = path.join(atlaskit, pkg, 'dist', 'esm');
      let files: string[];
      try {
        files = jsFilesUnder(esm);
      } catch {
        continue;
      }
      for (const file of files) {
        const source = readFileSync(file, 'utf8');
        if (!source.includes("'@atlaskit/feature-gate-js-client/feature-gates'")) continue;
        for (const match of source.matchAll(/FeatureGates\.(\w+)/g)) called.add(match[1] ?? '');
      }
    }
    expect(called.size).toBeGreaterThan(0);
    expect([...called].filter((method) => !(method in stub)).sort()).toEqual([]);
  });
});
