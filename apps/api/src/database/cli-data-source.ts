// Entry for the TypeORM CLI (migration:generate / migration:show), run against compiled JS.
import { DataSource } from 'typeorm';
import { loadConfigFromEnvironment } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';

export default new DataSource(dataSourceOptions(loadConfigFromEnvironment()));
