import { loadConfig } from './config.js';
import { reportToParent } from './harness/child-process.js';
import { groupLoaders } from './groups/index.js';

const name = process.argv[2];
const loadGroup = groupLoaders[name];
if (!loadGroup) throw new Error(`unknown bench group "${name}"`);
const group = await loadGroup();
reportToParent(await group.run(loadConfig()));
