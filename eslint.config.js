// ESLint flat config: the recommended JavaScript and TypeScript rules, plus the type-aware rules that catch
// what bites an action most (a promise nobody awaits lets the step end before the comment is posted).
// Formatting is Prettier's job (`npm run format`), so no stylistic rules here.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', '__fixtures__/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberate (an unused callback argument, a destructured-away field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'warn',
      // Best-effort cleanup (`try { docker rm … } catch {}`) is deliberate; an empty `if` or loop body is not.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A rethrown error keeps what caused it (`{ cause }`), even when its message already quotes it.
      'preserve-caught-error': 'error'
    }
  },
  {
    // TypeScript sources are checked with type information (tsconfig.json).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A forgotten promise can end the process before the verdict: fire-and-forget must say so with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn'
    }
  },
  {
    // These files exist to strip ANSI escapes and control characters from container logs (or to assert they are gone).
    files: ['src/render/markdown-safe.ts', '__tests__/build-output.test.ts'],
    rules: { 'no-control-regex': 'off' }
  },
  {
    files: ['__tests__/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } }
  }
)
