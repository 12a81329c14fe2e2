/**
 * Atlassian's own manifest validation, lint and bundler, run offline (see shared/forge-offline.md).
 *
 * `forge lint` / `forge deploy` need a login; the libraries under them do not. Each check here runs
 * on a throw-away copy of the app (manifest, locales, src, tsconfig, package.json, node_modules
 * linked), because those libraries read paths relative to the working directory and because a Custom
 * UI resource folder must exist at validate time: when a resource's build is missing in the repo the
 * copy gets a placeholder (an index.html and the icons the manifest names), so nothing is ever
 * written into the repo's gitignored build folders.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parse as parseYaml } from 'yaml';
import { validate as validateManifest, type ManifestSchema, type ValidationError } from '@forge/manifest';
import {
  ConfigFile,
  FileSystemReader,
  FileSystemWriter,
  I18nResourceBundlingService,
  listGitIgnoreFiles,
  type Logger,
  type StatsigService,
} from '@forge/cli-shared';
import { lint, type LintResult, type LintResultRule } from '@forge/lint';
import { getEntryPoints, getNodeBundler, getWrapperProvider } from '@forge/bundler';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Jira's OpenAPI spec for the lint's REST-call → scope check; `JIRA_OPENAPI_SPEC` overrides. */
export function jiraOpenApiSpecPath(): string {
  return (
    process.env['JIRA_OPENAPI_SPEC'] ?? path.resolve(REPO_ROOT, '..', 'shared', 'jira-openapi', 'platform-v3.json')
  );
}

/** Our stand-in for Atlassian's runtime wrapper and loader (see its README). */
export const FORGE_RUNTIME_STAND_IN = path.join(REPO_ROOT, 'test', 'fixtures', 'forge-runtime');

/**
 * Runtimes the lint must treat as deprecated. The CLI asks a feature-flag service for this list;
 * offline we state it: Node 18 is gone and Node 20 deploys are blocked since May 2026.
 */
export const DEPRECATED_RUNTIMES: readonly string[] = ['nodejs18.x', 'nodejs20.x'];

/** What the app copy contains besides `src/` and `locales/`. */
const COPIED_FILES = ['manifest.yml', 'package.json', 'tsconfig.json', '.gitignore'] as const;
const COPIED_DIRS = ['src', 'locales'] as const;

export interface AppCopy {
  dir: string;
  /** Repo-relative resource paths that got a placeholder because the real build is missing. */
  placeholders: string[];
  remove(): void;
}

interface ManifestResource {
  key: string;
  path: string;
}

function readManifestYaml(dir: string): { resources: ManifestResource[]; icons: string[] } {
  const doc: unknown = parseYaml(fs.readFileSync(path.join(dir, 'manifest.yml'), 'utf8'));
  const root = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const resources = Array.isArray(root['resources']) ? (root['resources'] as ManifestResource[]) : [];
  const icons: string[] = [];
  const modules = (root['modules'] ?? {}) as Record<string, unknown>;
  for (const list of Object.values(modules)) {
    if (!Array.isArray(list)) continue;
    for (const mod of list as Array<Record<string, unknown>>) {
      if (typeof mod['icon'] === 'string') icons.push(mod['icon']);
    }
  }
  return { resources, icons };
}

/** `resource:<key>;<file>` icon references, grouped by resource key. */
export function iconFilesByResource(icons: readonly string[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const icon of icons) {
    const match = /^resource:([^;]+);(.+)$/.exec(icon);
    if (!match || match[1] === undefined || match[2] === undefined) continue;
    byKey.set(match[1], [...(byKey.get(match[1]) ?? []), match[2]]);
  }
  return byKey;
}

const PLACEHOLDER_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>placeholder</title></head>' +
  '<body>Placeholder written by scripts/checks/forgeOffline.ts for offline checks.</body></html>\n';
const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><title>placeholder</title></svg>\n';

export interface AppCopyOptions {
  /** Runs on the copy before placeholders are made: a negative test changes the manifest or adds a file. */
  edit?: (dir: string) => void;
  /** Copy a resource's real build when the repo has one (default); false always uses placeholders. */
  realBuilds?: boolean;
}

/** Copies the app into a fresh temp folder (see the file comment). */
export function makeAppCopy({ edit, realBuilds = true }: AppCopyOptions = {}): AppCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itr-forge-check-'));
  for (const file of COPIED_FILES) {
    const from = path.join(REPO_ROOT, file);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, file));
  }
  for (const sub of COPIED_DIRS) {
    fs.cpSync(path.join(REPO_ROOT, sub), path.join(dir, sub), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  edit?.(dir);

  const placeholders: string[] = [];
  const { resources, icons } = readManifestYaml(dir);
  const iconsByResource = iconFilesByResource(icons);
  for (const resource of resources) {
    const real = path.join(REPO_ROOT, resource.path);
    const target = path.join(dir, resource.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (realBuilds && fs.existsSync(real)) {
      // Copied, not linked: the validator wants a real directory (it uses lstat).
      fs.cpSync(real, target, { recursive: true, dereference: true });
      continue;
    }
    placeholders.push(resource.path);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, 'index.html'), PLACEHOLDER_HTML);
    for (const icon of iconsByResource.get(resource.key) ?? []) {
      fs.mkdirSync(path.dirname(path.join(target, icon)), { recursive: true });
      fs.writeFileSync(path.join(target, icon), PLACEHOLDER_SVG);
    }
  }
  return { dir, placeholders, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Atlassian's libraries resolve manifest, locale and source paths against the working directory. */
export async function inDir<T>(dir: string, action: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await action();
  } finally {
    process.chdir(previous);
  }
}

/** Sets environment variables for the duration of `action`, then restores them. */
export async function withEnv<T>(vars: Record<string, string>, action: () => Promise<T>): Promise<T> {
  const previous = new Map(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await action();
  } finally {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Manifest validation (what `forge deploy` runs first)

export interface ManifestCheck {
  success: boolean;
  errors: ValidationError[];
  manifest: ManifestSchema | undefined;
}

export async function validateAppManifest(dir: string): Promise<ManifestCheck> {
  const result = await inDir(dir, () => validateManifest(false, 'manifest.yml'));
  return {
    success: result.success,
    errors: result.errors ?? [],
    manifest: result.manifestObject?.typedContent as ManifestSchema | undefined,
  };
}

export function formatValidationErrors(errors: readonly ValidationError[]): string {
  return errors
    .map((e) => `manifest.yml:${e.line ?? '?'}:${e.column ?? '?'} ${e.level} ${e.message} (${e.reference})`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Lint, client-side mode (what `forge lint` and `forge deploy` run before uploading)

export interface LintProblem {
  file: string;
  class: LintResultRule['class'];
  reference: string;
  message: string;
  line: number;
  column: number;
}

/** The CLI's feature-flag client; the client-side linters only ask it for deprecated runtimes. */
function offlineStatsig(): StatsigService {
  const stub: Pick<StatsigService, 'getDeprecatedRuntimes'> = {
    getDeprecatedRuntimes: () => Promise.resolve([...DEPRECATED_RUNTIMES]),
  };
  return stub as StatsigService;
}

function writeEmptySpec(): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itr-empty-spec-'));
  const file = path.join(dir, 'empty-openapi.json');
  fs.writeFileSync(file, JSON.stringify({ openapi: '3.0.0', info: { title: 'none', version: '1' }, paths: {} }));
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Lints `src/` of the app in `dir` exactly as the CLI's pre-deploy lint does (same file list, same
 * ignores, client-side linters), with Jira's REST spec read from disk instead of the network.
 * Only Jira platform calls are checked against a real spec; the other products get an empty one,
 * which is right for an app that calls no other product.
 */
export async function lintApp(dir: string): Promise<{ problems: LintProblem[]; log: string[] }> {
  const jiraSpec = jiraOpenApiSpecPath();
  if (!fs.existsSync(jiraSpec)) {
    throw new Error(`Jira OpenAPI spec not found at ${jiraSpec} (set JIRA_OPENAPI_SPEC)`);
  }
  const empty = writeEmptySpec();
  const log: string[] = [];
  try {
    const results: LintResult[] = await withEnv(
      {
        USE_LOCAL_SWAGGER: '1',
        LOCAL_JIRA_SWAGGER: jiraSpec,
        LOCAL_JSM_SWAGGER: empty.file,
        LOCAL_JSW_SWAGGER: empty.file,
        LOCAL_CONF_SWAGGER: empty.file,
        LOCAL_CONF_V2_SWAGGER: empty.file,
        LOCAL_BB_SWAGGER: empty.file,
      },
      () =>
        inDir(dir, async () => {
          const reader = new FileSystemReader();
          const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
          const manifest = await new ConfigFile(reader, new FileSystemWriter()).readConfig();
          const files = await reader.recursiveReadDir('./src', exclude);
          return lint(files, manifest, 'development', { info: (m: string) => log.push(m) }, offlineStatsig(), {
            linter: { mode: 'client-side' },
          });
        }),
    );
    const problems = results.flatMap((result) =>
      [...result.errors, ...result.warnings, ...result.approvals].map((rule) => ({
        file: path.relative(dir, path.resolve(dir, result.file)),
        class: rule.class,
        reference: rule.reference,
        message: rule.message,
        line: rule.line,
        column: rule.column,
      })),
    );
    return { problems, log };
  } finally {
    empty.remove();
  }
}

export function formatLintProblems(problems: readonly LintProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.class} ${p.message} (${p.reference})`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Bundling (what `forge deploy` uploads)

export interface BundleCheck {
  outputDir: string;
  /** Files next to the bundle that the deploy uploads too (runtime scripts, i18n bundle). */
  additionalOutputs: string[];
  /** Manifest handler references, e.g. `index.issuePanelResolver`. */
  handlers: string[];
  errors: number;
  warnings: string[];
  remove(): void;
}

/** A Logger that records warnings (webpack's) and errors instead of printing them. */
function recordingLogger(warnings: string[]): Logger {
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (message: string) => warnings.push(message),
    error: (error: Error) => warnings.push(`error: ${error.message}`),
  };
}

/**
 * Bundles every function handler the manifest names with `@forge/bundler`'s Node bundler (webpack +
 * ts-loader with the app's tsconfig), as `forge deploy` does, using our runtime stand-in, and writes
 * the additional outputs (runtime scripts, i18n bundle) beside the bundle like the deploy's packager.
 */
export async function bundleApp(dir: string): Promise<BundleCheck> {
  const warnings: string[] = [];
  return withEnv({ FORGE_RUNTIME_PATH: FORGE_RUNTIME_STAND_IN }, () =>
    inDir(dir, async () => {
      const reader = new FileSystemReader();
      const config = new ConfigFile(reader, new FileSystemWriter());
      const manifest = await config.readConfig();
      const handlers = await config.getAppHandlers();
      const i18nResourceBundle = await new I18nResourceBundlingService().bundle(
        manifest.modules,
        manifest.translations,
      );
      const logger = recordingLogger(warnings);
      const bundler = getNodeBundler(logger, getWrapperProvider({ fileSystemReader: reader }), config);
      const output = await bundler.bundle({
        appDirectory: dir,
        entryPoints: getEntryPoints(handlers),
        ...(manifest.translations ? { i18nConfig: manifest.translations } : {}),
        i18nResourceBundle,
      });
      const additional = [...(output.additionalOutputs ?? new Map<string, string | Buffer>())];
      for (const [name, content] of additional) {
        const target = path.join(output.outputDir, name);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        // A string is a path to copy (the i18n bundle's files); a Buffer is the content itself.
        if (typeof content === 'string') fs.copyFileSync(content, target);
        else fs.writeFileSync(target, content);
      }
      return {
        outputDir: output.outputDir,
        additionalOutputs: additional.map(([name]) => name).sort(),
        handlers: handlers.map((h) => `${h.module}.${h.func}`),
        errors: output.metadata?.errors ?? 0,
        warnings,
        remove: () => fs.rmSync(output.outputDir, { recursive: true, force: true }),
      };
    }),
  );
}
