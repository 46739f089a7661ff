// One Jest for the whole repo, in ESM (NestJS 12 is ESM-only; see docs/decisions/0001).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

// ESM-only packages that CommonJS dependencies require(): Node 20.19+ allows that natively,
// Jest's module loader does not, so they are compiled to CommonJS for the tests.
const ESM_REQUIRED_FROM_CJS = ['content-disposition', '@apidevtools/json-schema-ref-parser'];
const swcToCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${ESM_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: swcToCommonJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_REQUIRED_FROM_CJS.join('|')})/)`],
  moduleNameMapper: {
    '^@xiaoshi/(domain|contracts)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: import.meta.dirname,
};

export default {
  // Per-project testTimeout is ignored by Jest; this one applies to every project.
  testTimeout: 60000,
  // Longest files first (from test/durations.json), so no long browser journey starts last.
  testSequencer: '<rootDir>/test/support/sequencer.mjs',
  rootDir: import.meta.dirname,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'api',
      // The suites run in four groups, one test file each (test/api/groups/groups.ts: the API's code
      // is loaded once per group). XIAOSHI_API_SUITES=each runs them one file per suite, which
      // `npm test -- api <pattern>` sets so that a pattern picks single suites.
      testMatch:
        process.env.XIAOSHI_API_SUITES === 'each'
          ? ['<rootDir>/test/api/*.e2e-spec.ts']
          : ['<rootDir>/test/api/groups/*.e2e-spec.ts'],
      testTimeout: 60000,
    },
    {
      ...common,
      // Starts, restarts and kills its own PostgreSQL, Redis and worker processes (alone: `npm run test:faults`).
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      testTimeout: 120000,
    },
  ],
};
