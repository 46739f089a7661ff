import 'reflect-metadata';
import { createApiApp } from './app.factory.js';
import { loadConfigFromEnvironment } from './config/app-config.js';
import { runMigrations } from './database/migrate.js';
import { closeOnSignals } from './shutdown.js';

const config = loadConfigFromEnvironment();
await runMigrations(config);
const app = await createApiApp(config);
// Nest's own shutdown hooks are driven by our bounded handler instead.
closeOnSignals(() => app.close(), (message) => app.getHttpAdapter().getInstance().log.info(message));
await app.listen({ port: config.port, host: config.host });
app.getHttpAdapter().getInstance().log.info(`Xiaoshi API listening on http://${config.host}:${config.port}`);
