import { randomUUID } from 'node:crypto';
import { jiraAsApp, type JiraClient } from '../../adapters/jira';
import { ConfigStore } from '../../adapters/kvs';
import { pushInBatches } from '../../adapters/queue';
import { loadItrConfig, type ItrConfig } from '../config/itrConfig';
import { lookUpFieldIds } from '../fields/fieldIds';
import type { ItrFieldIds } from '../fields/itrFields';
import type { EscalationEvent } from './events';
import { kvsLineTurnStore, type LineTurnStore } from './lineTurns';
import { loadEscalationSettings, type EscalationSettings } from './settings';

/** The queue (manifest `consumer` module `escalation-consumer`) the sweep feeds. */
export const ESCALATION_QUEUE = 'escalation';

/** Everything escalation touches, injectable so tests and the bench can see or replace it. */
export interface EscalationDeps {
  /** Jira as the app; it waits out 429s only while the invocation has time left. */
  jira: JiraClient;
  now(): Date;
  /** Milliseconds left in this invocation (the runtime's countdown). */
  remainingTimeMs(): number;
  loadConfig(): Promise<ItrConfig>;
  loadSettings(): Promise<EscalationSettings>;
  fieldIds(): Promise<ItrFieldIds>;
  push(events: readonly EscalationEvent[]): Promise<void>;
  newToken(): string;
  store: ConfigStore;
  /** The lines' round-robin cursors (KVS `state:line-turns`). */
  lineTurns: LineTurnStore;
}

export function platformDeps(remainingTimeMs: () => number = () => 25_000): EscalationDeps {
  const jira = jiraAsApp({ remainingTimeMs });
  const store = new ConfigStore();
  return {
    jira,
    now: () => new Date(),
    remainingTimeMs,
    loadConfig: () => loadItrConfig(store),
    loadSettings: () => loadEscalationSettings(store),
    fieldIds: () => lookUpFieldIds(jira),
    push: async (events) => {
      await pushInBatches(
        ESCALATION_QUEUE,
        events.map((e) => ({ body: e })),
      );
    },
    newToken: () => randomUUID(),
    store,
    lineTurns: kvsLineTurnStore(),
  };
}
