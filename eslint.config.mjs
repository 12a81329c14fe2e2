// ESLint (flat config), run by `npm run lint` inside `npm test`; see docs/testing.md.
// TypeScript: typescript-eslint's type-checked recommended rules with typed linting. Each file is checked against
// its nearest tsconfig (projectService): tsconfig.json for src, test, scripts, sandbox and platform-doubles,
// static/tsconfig.json for the Custom UI. UI (.tsx): Atlassian's design-system recommended rules.
import js from '@eslint/js';
import designSystem from '@atlaskit/eslint-plugin-design-system';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

const adsRules = Object.keys(designSystem.configs['recommended/flat'].rules);

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      'build/',
      'dist/',
      'static/*/build/',
      '.tmp/',
      'coverage/',
      'test-results/',
      'test/fixtures/forge-runtime/',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Imports as the code already writes them: `import { a, type B }`, and `import type { B }` when all are types.
      // `typeof import('…')` stays allowed: it types a lazy require() or import() of that module on the same line.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // A leading underscore marks a name unused on purpose, as does a key dropped with `...rest`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // `{}` is `unknown` after a null check: String() of such an input (a JSON id, an SQL column) is meant.
      '@typescript-eslint/no-base-to-string': [
        'error',
        { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', '{}'] },
      ],
    },
  },
  {
    // The Node-only harness loads modules lazily with require(): after the platform globals exist, by a computed
    // path, or to skip a cost until first use. The app (src/) and the UI (static/) keep ES imports only.
    files: ['sandbox/**', 'platform-doubles/**', 'test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // @types/jest types the asymmetric matchers (expect.any, stringMatching, objectContaining, …) as `any`.
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['static/**/*.tsx'],
    extends: [designSystem.configs['recommended/flat']],
    rules: {
      // The UI is native elements styled with tokens and @atlaskit/primitives; the ADS component packages that
      // no-html-* and use-heading ask for are not dependencies (250 KiB budget per app, static/README.md).
      ...Object.fromEntries(adsRules.filter((r) => /\/(no-html-|use-heading$)/.test(r)).map((r) => [r, 'off'])),
      // Shared button and section styles are imported from shared/controls.tsx on purpose (one definition).
      '@atlaskit/design-system/consistent-css-prop-usage': 'off',
      // Compact search and filter inputs are named by aria-label and show that name as their placeholder.
      '@atlaskit/design-system/no-placeholder': 'off',
      // @atlaskit/primitives' Text renders only its own props (as, color, size, weight, id, testId…): a role,
      // aria-* or tabIndex given to it never reaches the page, so a status is never announced. Wrap it in a Box.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='Text'] > JSXAttribute[name.name=/^(role|aria-|tabIndex)/]",
          message: 'Text drops role, aria-* and tabIndex: put them on a Box around it.',
        },
      ],
    },
  },
  {
    // Build scripts and Jest wiring in plain JavaScript (Node, no tsconfig covers them): untyped recommended rules.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: globals.node,
    },
  },
);
