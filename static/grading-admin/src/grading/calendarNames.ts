import { DEFAULT_CALENDARS } from '../../../../src/domain/calendar/defaultCalendars';
import { useI18n } from '../../../shared/i18n/react';

/**
 * A calendar as the admin knows it: a shipped calendar by its name in the reader's language (from the
 * same definitions the server grades with), a site calendar by the name its admin gave it (its id).
 * A site calendar with a shipped one's id replaces it, and then goes by that id.
 */
export function useCalendarName(siteCalendarIds: readonly string[] = []): (id: string) => string {
  const { locale } = useI18n();
  return (id) => {
    if (siteCalendarIds.includes(id)) return id;
    const shipped = DEFAULT_CALENDARS.find((c) => c.id === id);
    return shipped === undefined ? id : shipped.name[locale];
  };
}
