// Incremental build of the workspace, shared by scripts/start.mjs and test/bench/run.mjs: a part is
// rebuilt only when one of its sources is newer than its output, so that restarts stay fast.
// Node built-ins only.
import { existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { mtimeOf, newestMtime } from './runtime.mjs';

/**
 * `run(command, args, name)` runs a child process and rejects when it fails; `say` and `warn`
 * report progress; `isCancelled()` tells a failed web build apart from one stopped by a signal.
 */
export function createBuilder({ root, run, say, warn, isCancelled = () => false }) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const projectFiles = ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
  const libSources = ['libs/domain', 'libs/contracts'].flatMap((lib) =>
    projectFiles.map((file) => path.join(root, lib, file)),
  );

  const stale = (output, sources) => {
    const built = mtimeOf(output);
    return built === 0 || newestMtime(sources) > built;
  };

  async function buildTsc(name, dir, output, extraSources = []) {
    const sources = projectFiles
      .map((file) => path.join(root, dir, file))
      .concat(extraSources, path.join(root, 'tsconfig.json'));
    if (!stale(path.join(root, dir, output), sources)) {
      say(`build: ${name} is up to date`);
      return;
    }
    const started = Date.now();
    say(`build: ${name} ...`);
    try {
      await run(process.execPath, [tsc, '-p', path.join(root, dir, 'tsconfig.build.json')], name);
    } catch (error) {
      // tsc writes its output even when the code does not type-check: date it back so that the
      // next run does not take the half-good output for up to date.
      if (existsSync(path.join(root, dir, output))) utimesSync(path.join(root, dir, output), 0, 0);
      throw new Error(`${dir} does not compile (the errors are above)`, { cause: error });
    }
    say(`build: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  async function buildLibs() {
    await buildTsc('domain', 'libs/domain', 'dist/index.js');
    await buildTsc('contracts', 'libs/contracts', 'dist/index.js', [path.join(root, 'libs/domain/src')]);
  }

  /** The API's output also goes stale when the libs change: it is type-checked against them. */
  const buildApi = () => buildTsc('api', 'apps/api', 'dist/main.js', libSources);

  /** Returns true when apps/web/dist/index.html exists afterwards. A failed web build only warns. */
  async function buildWeb() {
    const dir = path.join(root, 'apps', 'web');
    const output = path.join(dir, 'dist', 'index.html');
    const viteConfigs = ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];
    const sources = ['src', 'public', 'index.html', 'package.json', 'tsconfig.json', ...viteConfigs]
      .map((file) => path.join(dir, file))
      .concat(libSources); // the web app compiles the libs from source
    if (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'index.html'))) {
      warn('build: the web app has no index.html yet; skipping it (the API still runs, without the UI)');
      return existsSync(output);
    }
    if (!stale(output, sources)) {
      say('build: web is up to date');
      return true;
    }
    const started = Date.now();
    say('build: web ...');
    try {
      await run(npm, ['run', 'build', '-w', '@xiaoshi/web'], 'web');
      say(`build: web done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      if (isCancelled()) throw error;
      warn(
        `build: the web app failed to build (${error.message}); ` +
          (existsSync(output) ? 'serving the previous build' : 'the API runs without the UI'),
      );
    }
    return existsSync(output);
  }

  return { buildLibs, buildApi, buildWeb };
}
