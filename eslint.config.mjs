import tseslint from 'typescript-eslint';

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
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through @kabar/config.' }] },
  },
  { files: ['config/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // the console is a separate (browser) build: it shares only plain helpers with libs, by relative path
  { files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'], rules: { 'no-restricted-imports': 'off' } },
);
