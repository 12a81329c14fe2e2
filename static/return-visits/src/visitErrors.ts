import { toApiError, type ShownError } from '../../shared/errors';
import { errorMessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n/react';

export function toError(e: unknown): ShownError {
  const api = toApiError(e);
  return { code: api.code, message: api.message, params: api.params };
}

/** An error in the user's language; an unknown code is shown with the generic message. */
export function useErrorText(): (e: ShownError) => string {
  const { t } = useI18n();
  return (e) => {
    const key = errorMessageKey(e.code);
    return key === 'errorCode.unknown' ? `${t(key)} (${e.code})` : t(key, { issueKey: '', ...(e.params ?? {}) });
  };
}
