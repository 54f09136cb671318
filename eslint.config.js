// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'appPackage/build/**', 'tests/artifacts/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests assert on JSON answers field by field; typing every answer would add nothing.
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // One module alone talks to teams-js (design §3, style guide).
      'no-restricted-imports': ['error', { patterns: [{ group: ['@microsoft/teams-js'], message: 'Only client/src/host/teams-host.ts may import teams-js.' }] }],
    },
  },
  {
    files: ['client/src/host/teams-host.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The functional core: no I/O, no framework, no clock, no environment.
    files: ['server/src/domain/**/*.ts'],
    ignores: ['server/src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'os', 'child_process', 'crypto'], message: 'The domain does no I/O.' },
          { group: ['fastify', 'fastify/*', '@fastify/*'], message: 'The domain knows no web framework.' },
          { group: ['kysely', 'pg', 'pg-boss', '@electric-sql/*', '**/store/**'], message: 'The domain knows no store.' },
          { group: ['@microsoft/*', '@azure/*', '**/graph/**'], message: 'The domain knows no Graph.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'The domain reads no environment.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'setTimeout', message: 'The domain has no clock.' },
        { name: 'setInterval', message: 'The domain has no clock.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `now` in; the domain never reads the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in; the domain never reads the clock.' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'The domain never reads the clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain is deterministic.' },
      ],
    },
  },
);
