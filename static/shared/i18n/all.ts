/**
 * Both catalogues, registered at once: for Node (Jest's setup, the sandbox, scripts), where nothing is
 * downloaded and code reads either language synchronously. Pages use ./load.ts instead.
 */
import { en } from './en';
import { registerMessages } from './index';
import { zhCN } from './zh-CN';

registerMessages('en', en);
registerMessages('zh-CN', zhCN);
