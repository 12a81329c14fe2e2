/**
 * jest `setupFiles`: runs in every test file's environment before the test file (and so before any
 * app module or `@forge/*` SDK) is loaded.
 *
 * Why here and not in a `beforeAll`: the SDKs read the platform globals at load time. `@forge/kvs`
 * builds its HTTP client once, when it is first imported, choosing its transport from
 * `global.__forge_runtime__` as it is at that moment; `@forge/api` exports fetch functions built at
 * import. Installing the globals after an import would leave those modules wired to nothing (or to a
 * different runtime), so the harness must exist before the first `import` of app code.
 */
import { installHarness } from '../../platform-doubles/index';
// Both UI catalogues, as Node code reads them (pages load one lazily: static/shared/i18n/load.ts).
import '../../static/shared/i18n/all';

installHarness();
