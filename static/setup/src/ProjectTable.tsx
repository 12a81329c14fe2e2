import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { SetupPartState, SetupProject, SetupProjectOverall, SetupProjectPart } from '../../../src/contract/setup';
import { token } from '@atlaskit/tokens';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';
import { cellStyle, headStyle, tableStyle } from '../../shared/tableStyles';
import type { ProjectStateView } from './useProjectStates';

const PARTS: readonly SetupProjectPart[] = ['issueTypes', 'workflow', 'fields'];

const OVERALL_LOOK: Readonly<Record<SetupProjectOverall, ThemeAppearance>> = {
  configured: 'success',
  partial: 'inprogress',
  notConfigured: 'default',
  manual: 'moved',
};

/** A part's state in words, coloured as well (the words carry the meaning, not the colour). */
const PART_LOOK: Readonly<Record<SetupPartState, ReturnType<typeof xcss>>> = {
  configured: xcss({ color: 'color.text.success' }),
  missing: xcss({ color: 'color.text.subtle' }),
  manual: xcss({ color: 'color.text.warning' }),
};

/**
 * The projects setup may configure: a checkbox each, and what each already has of ITR (its issue types,
 * the ITR workflow, the app's fields on its screens), so the admin sees which are done before picking.
 */
export function ProjectTable({
  projects,
  picked,
  states,
  locked,
  onToggle,
}: {
  projects: readonly SetupProject[];
  picked: readonly string[];
  states: ReadonlyMap<string, ProjectStateView>;
  /** While a run works on the picked projects, the picks stay as they are. */
  locked: boolean;
  onToggle: (projectKey: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Box as="section" testId="setup-projects">
      <Stack space="space.100">
        <h2 id="setup-projects-title">{t('setup.projects')}</h2>
        <Text as="p">{t('setup.projectsHelp')}</Text>
        <table style={tableStyle} aria-labelledby="setup-projects-title">
          <thead>
            <tr>
              <th scope="col" style={headStyle}>
                {t('setup.col.project')}
              </th>
              <th scope="col" style={headStyle}>
                {t('setup.col.state')}
              </th>
              {PARTS.map((part) => (
                <th key={part} scope="col" style={headStyle}>
                  {t(`setup.part.${part}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <ProjectRow
                key={p.key}
                project={p}
                picked={picked.includes(p.key)}
                state={states.get(p.key) ?? 'checking'}
                locked={locked}
                onToggle={() => onToggle(p.key)}
              />
            ))}
          </tbody>
        </table>
      </Stack>
    </Box>
  );
}

function ProjectRow({
  project: p,
  picked,
  state,
  locked,
  onToggle,
}: {
  project: SetupProject;
  picked: boolean;
  state: ProjectStateView;
  locked: boolean;
  onToggle: () => void;
}) {
  const { t } = useI18n();
  const known = typeof state === 'object' ? state : null;
  return (
    <tr data-project={p.key} data-state={known?.state ?? state}>
      <th scope="row" style={{ ...cellStyle, fontWeight: token('font.weight.regular') }}>
        <label>
          {/* eslint-disable-next-line @atlaskit/design-system/no-readonly-or-disabled-inputs -- only while a run works on the picks */}
          <input type="checkbox" checked={picked} disabled={locked} onChange={onToggle} /> {p.name} ({p.key})
          {p.style === 'next-gen' ? ` ${t('setup.teamManaged')}` : ''}
        </label>
      </th>
      <td style={cellStyle}>
        {known === null ? (
          <Text color="color.text.subtle">{t(state === 'failed' ? 'setup.state.failed' : 'setup.state.checking')}</Text>
        ) : (
          <Lozenge appearance={OVERALL_LOOK[known.state]} testId={`setup-state-${p.key}`}>
            {t(`setup.state.${known.state}`)}
          </Lozenge>
        )}
      </td>
      {PARTS.map((part) => (
        <td key={part} style={cellStyle} data-part={part}>
          {known === null ? null : (
            <Box as="span" xcss={PART_LOOK[known.parts[part]]}>
              {t(`setup.partState.${known.parts[part]}` as MessageKey)}
            </Box>
          )}
        </td>
      ))}
    </tr>
  );
}
