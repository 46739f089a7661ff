import { load } from './groups.js';

await load('pipeline');
