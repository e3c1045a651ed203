// One lint configuration for the whole tree (flat config).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'db/drizzle/**', 'web/src/api/schema.d.ts', 'tests/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // TypeScript checks undefined names itself (typescript-eslint's advice), including DOM types.
      'no-undef': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // A calendar date cut from an instant's ISO string is the UTC date: a day early between 00:00 and 01:00
      // (02:00 in summer) in Amsterdam (issue #16). Use amsterdamDate() (db/src/domain/calendar.ts) or today()
      // (web/src/format.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(slice|substring|substr|split)$/][callee.object.type='CallExpression'][callee.object.callee.property.name='toISOString']",
          message: 'Een kalenderdatum uit toISOString() is de UTC-datum; gebruik amsterdamDate() of today() (Europe/Amsterdam).',
        },
      ],
    },
  },
);
