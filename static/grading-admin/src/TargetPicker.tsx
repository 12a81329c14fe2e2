/**
 * One target of the Supervision subpage (send to R&D, send to sales, lasting fixes; issue 17): the project
 * picked by name from those the admin may see (Jira's project search as the admin, a page at a time), then
 * one of the issue types that project offers, by name. Stored as the project key and the type's id; always
 * shown by name. A saved target whose project or type is gone says so, so the admin picks another.
 */
import { useContext, useEffect, useId, useState } from 'react';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { HandoffTargetSetting, TargetNames } from '../../../src/contract/settings';
import { call } from '../../shared/api';
import { FieldLabel } from '../../shared/controls';
import { toApiError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n/react';
import { useSelectLiveMessages } from '../../shared/selectMessages';
import { Button, EditContext, SelectField } from './fields';

type Which = 'ipd' | 'ltc' | 'lastingFix';
interface ProjectOption {
  value: string;
  label: string;
}

export function TargetPicker({
  which,
  target,
  saved,
  names,
  onChange,
}: {
  which: Which;
  target: HandoffTargetSetting | null;
  /** The target as saved, and its names as Jira has them now (null: not configured). */
  saved: HandoffTargetSetting | null;
  names: TargetNames | null;
  onChange: (target: HandoffTargetSetting | null) => void;
}) {
  const { t } = useI18n();
  const { readOnly } = useContext(EditContext);
  const id = useId();
  const liveMessages = useSelectLiveMessages<ProjectOption>();
  const label = t(`settings.supervision.${which}`);
  // Names of projects picked on this page (the saved one's comes from the server).
  const [picked, setPicked] = useState<ProjectOption | null>(null);
  const [more, setMore] = useState(false);
  const [types, setTypes] = useState<Array<{ id: string; name: string }> | null>(null);
  const [projectGone, setProjectGone] = useState(false);

  const projectKey = target?.projectKey ?? '';
  const isSaved = saved !== null && target !== null && saved.projectKey === target.projectKey;
  const typeIsSaved = isSaved && saved.issueType === target.issueType && saved.issueTypeId === target.issueTypeId;

  useEffect(() => {
    setTypes(null);
    setProjectGone(false);
    if (projectKey === '') return;
    let stopped = false;
    call('getTargetIssueTypes', { projectKey }).then(
      (answer) => {
        if (!stopped) setTypes(answer.issueTypes);
      },
      (e: unknown) => {
        if (stopped) return;
        setTypes([]);
        if (toApiError(e).code === 'SETTINGS_PROJECT_NOT_FOUND') setProjectGone(true);
      },
    );
    return () => {
      stopped = true;
    };
  }, [projectKey]);

  const projectName =
    picked !== null && picked.value === projectKey
      ? picked.label
      : isSaved && names !== null && names.projectName !== null
        ? names.projectName
        : null;
  const gone = projectKey !== '' && (projectGone || (isSaved && names !== null && names.projectName === null));
  const typeId =
    target === null ? '' : (target.issueTypeId ?? types?.find((x) => x.name === target.issueType)?.id ?? '');
  const typeGone =
    !gone &&
    target !== null &&
    ((typeIsSaved && names !== null && names.issueTypeName === null) ||
      (types !== null && typeId !== '' && !types.some((x) => x.id === typeId)));

  const loadProjects = async (query: string): Promise<ProjectOption[]> => {
    const answer = await call('searchTargetProjects', { query });
    setMore(answer.nextStartAt !== null);
    return answer.projects.map((p) => ({ value: p.key, label: p.name }));
  };

  return (
    <Stack space="space.075" testId={`target-${which}`}>
      <Inline space="space.150" alignBlock="end" shouldWrap>
        <Stack space="space.025">
          <FieldLabel htmlFor={`${id}-project`} subtle>
            {t('settings.supervision.project')}
          </FieldLabel>
          <div style={{ minWidth: '18em' }}>
            <AsyncSelect<ProjectOption, false>
              inputId={`${id}-project`}
              aria-label={`${label}: ${t('settings.supervision.project')}`}
              isDisabled={readOnly}
              defaultOptions
              cacheOptions={false}
              loadOptions={loadProjects}
              ariaLiveMessages={liveMessages}
              placeholder={t('settings.supervision.projectSearch')}
              noOptionsMessage={() => t('settings.supervision.noProjects')}
              loadingMessage={() => t('settings.supervision.loadingProjects')}
              value={
                projectKey === ''
                  ? null
                  : { value: projectKey, label: projectName ?? (gone ? t('settings.supervision.unknownProject') : '…') }
              }
              onChange={(o) => {
                if (o === null) return;
                setPicked(o);
                onChange({ projectKey: o.value, issueType: '' });
              }}
              testId={`target-${which}-project`}
            />
          </div>
        </Stack>
        {projectKey !== '' && !gone ? (
          <SelectField
            path={`${which}.issueType`}
            label={`${label}: ${t('settings.supervision.issueType')}`}
            visibleLabel={t('settings.supervision.issueType')}
            value={typeGone ? '' : typeId}
            options={[
              {
                value: '',
                label: types === null ? t('settings.supervision.loadingTypes') : t('settings.supervision.chooseType'),
              },
              ...(types ?? []).map((x) => ({ value: x.id, label: x.name })),
            ]}
            onChange={(v) => {
              const type = types?.find((x) => x.id === v);
              if (target !== null)
                onChange(
                  type === undefined
                    ? { projectKey: target.projectKey, issueType: '' }
                    : { projectKey: target.projectKey, issueType: type.name, issueTypeId: type.id },
                );
            }}
          />
        ) : null}
        {target !== null && !readOnly ? (
          <Button label={`${label}: ${t('settings.supervision.turnOff')}`} onClick={() => onChange(null)}>
            {t('settings.supervision.turnOff')}
          </Button>
        ) : null}
      </Inline>
      {more ? (
        <Text size="small" color="color.text.subtle">
          {t('settings.supervision.moreProjects')}
        </Text>
      ) : null}
      {gone ? (
        <Text color="color.text.warning" testId={`target-${which}-gone`}>
          {t('settings.supervision.projectGone', { projectKey })}
        </Text>
      ) : null}
      {typeGone && target !== null ? (
        <Text color="color.text.warning" testId={`target-${which}-gone`}>
          {t('settings.supervision.issueTypeGone', {
            issueType: target.issueType,
            project: projectName ?? projectKey,
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
