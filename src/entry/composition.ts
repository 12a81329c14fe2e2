/**
 * The composition root: the Forge SQL repositories behind the app's storage ports. Every function
 * module's entry file (src/entry/<function key>/index.ts) imports it first, so no handler runs without them.
 */
import { installRepositories } from '../app/ports';
import { sqlRepositories } from '../adapters/sql/repositories';

installRepositories(sqlRepositories);
