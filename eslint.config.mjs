import tseslint from 'typescript-eslint';

/**
 * The layer order (docs/architecture.md): each lib may import only the libs listed for it, and only through their
 * @kabar/* index (never `@kabar/x/src/...` nor a relative path into another lib or into config/).
 */
const LIBS = {
  i18n: [],
  platforms: ['config'],
  sandbox: ['config'],
  common: ['config', 'i18n'],
  database: ['config', 'common'],
  queue: ['config', 'common', 'database'],
  org: ['config', 'common', 'i18n', 'database'],
  accounts: ['config', 'common', 'i18n', 'database', 'org', 'platforms'],
  content: ['config', 'common', 'i18n', 'database', 'org', 'accounts', 'platforms'],
  publishing: ['config', 'common', 'i18n', 'database', 'queue', 'org', 'accounts', 'content', 'platforms'],
  analytics: ['config', 'common', 'i18n', 'database', 'queue', 'org', 'accounts', 'platforms'],
  aduan: ['config', 'common', 'i18n', 'database', 'queue', 'org', 'accounts', 'content', 'platforms', 'publishing'],
  demo: ['config', 'common', 'i18n', 'database', 'org', 'accounts', 'content', 'platforms', 'analytics', 'sandbox'],
  runtime: ['config', 'common', 'i18n', 'database', 'queue', 'org', 'accounts', 'content', 'publishing', 'analytics', 'aduan'],
};
const ALL = ['config', ...Object.keys(LIBS)];
const BASE_PATTERNS = [
  { group: ['../../../libs/*', '../../libs/*'], message: 'Import libs through their @kabar/* alias.' },
  { regex: '^@kabar/[a-z]+/', message: 'Import a lib through its index (@kabar/x), not its files.' },
];
const layerRules = Object.entries(LIBS).map(([lib, allowed]) => ({
  files: [`libs/${lib}/src/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...BASE_PATTERNS,
          ...ALL.filter((other) => other !== lib && !allowed.includes(other)).map((other) => ({
            regex: `^@kabar/${other}$`,
            message: `libs/${lib} may not use @kabar/${other} (the layer order in docs/architecture.md).`,
          })),
          { regex: `^@kabar/${lib}$`, message: 'A lib imports its own files by relative path.' },
          { regex: '^(\\.\\./)+(libs/)?[a-z]+/src(/|$)', message: 'Import another lib through its @kabar/* index.' },
          { regex: '^(\\.\\./)+config/', message: 'Read config/ through @kabar/config.' },
        ],
      },
    ],
  },
}));
const appRule = (app, other) => ({
  files: [`apps/${app}/src/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...BASE_PATTERNS,
          { regex: `^(\\.\\./)+${other}/`, message: `apps/${app} may not import apps/${other}: shared code lives in a lib.` },
          { regex: '^(\\.\\./)+(libs|config)/', message: 'Import libs and config through their @kabar/* alias.' },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.kabar/**', 'scripts/*.js', 'jest.config.js', 'apps/web/vite.config.mts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../../libs/*', '../../libs/*'], message: 'Import libs through their @kabar/* alias.' }] }],
    },
  },
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts', 'apps/**/*.tsx', 'config/**/*.ts', 'bench/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through @kabar/config.' },
      ],
    },
  },
  { files: ['config/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  ...layerRules,
  appRule('api', 'worker'),
  appRule('worker', 'api'),
  // the console is a separate (browser) build: it shares only plain helpers with libs, by relative path
  { files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'], rules: { 'no-restricted-imports': 'off' } },
);
