/**
 * The drill-down: clicking a number or a bar shows the issues behind it (their JQL, "Open in Jira")
 * in a panel right under the card that was clicked, scrolled into view and focused; closing it returns
 * focus to the bar or number that opened it. One drill-down at a time on the page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { openInJira } from '../../shared/bridge';
import { baseInputStyle } from '../../shared/controls';
import { useI18n } from '../../shared/i18n/react';

interface DrillTarget {
  /** The card the panel opens in (its test id, e.g. "chart-sla"). */
  origin: string;
  jql: string;
  label: string;
}

interface DrillApi {
  target: DrillTarget | null;
  open: (origin: string, jql: string, label: string) => void;
  close: () => void;
}

const DrillContext = createContext<DrillApi>({ target: null, open: () => undefined, close: () => undefined });

export function DrillProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<DrillTarget | null>(null);
  // The bar or number that opened the panel gets the focus back when it closes.
  const opener = useRef<HTMLElement | SVGElement | null>(null);
  const open = useCallback((origin: string, jql: string, label: string): void => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    setTarget({ origin, jql, label });
  }, []);
  const close = useCallback((): void => {
    setTarget(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
  }, []);
  const api = useMemo(() => ({ target, open, close }), [target, open, close]);
  return <DrillContext.Provider value={api}>{children}</DrillContext.Provider>;
}

/** Opens the drill-down of a number shown in the card `origin`. */
export function useDrill(origin: string): (jql: string, label: string) => void {
  const { open } = useContext(DrillContext);
  return useCallback((jql: string, label: string) => open(origin, jql, label), [open, origin]);
}

/** The card (or row) whose drill-down is open, or null. */
export function useDrillOrigin(): string | null {
  return useContext(DrillContext).target?.origin ?? null;
}

const panelStyle = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  borderColor: 'color.border.bold',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.200',
});

/** Where the card `origin` shows its drill-down: nothing until one of its numbers is clicked. */
export function DrillPanel({ origin }: { origin: string }) {
  const { target, close } = useContext(DrillContext);
  return target !== null && target.origin === origin ? <OpenPanel target={target} onClose={close} /> : null;
}

function OpenPanel({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const { t } = useI18n();
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Next to what was clicked, but possibly below the fold on a long card: bring it in and move focus there.
    panel.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [target]);
  return (
    <Box
      ref={panel}
      xcss={panelStyle}
      testId="drill-panel"
      role="region"
      aria-labelledby="drill-heading"
      onKeyDown={(e: React.KeyboardEvent) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <Stack space="space.100">
        <div id="drill-heading" ref={heading} tabIndex={-1} data-testid="drill-heading">
          <Text as="strong">{t('sup.drill.heading', { label: target.label })}</Text>
        </div>
        <textarea
          readOnly
          aria-label={t('sup.drill.jql')}
          data-testid="drill-jql"
          value={target.jql}
          rows={3}
          style={{ ...baseInputStyle(), width: '100%', resize: 'vertical' }}
        />
        <Inline space="space.100">
          <Button
            appearance="primary"
            testId="drill-open"
            // The JQL stays shown to copy when the host cannot open Jira's search.
            onClick={() => void openInJira(`/issues/?jql=${encodeURIComponent(target.jql)}`).catch(() => undefined)}
          >
            {t('sup.drill.open')}
          </Button>
          <Button testId="drill-close" onClick={onClose}>
            {t('sup.drill.close')}
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
