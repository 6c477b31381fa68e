// ESLint for the site's own browser scripts (wwwroot/js), run by scripts/test through scripts/check-javascript.
// ESLint, its recommended rules and the globals list are pinned with the other test tools in tests/tools (npm ci),
// so they are loaded from there.
const { createRequire } = require('node:module');
const path = require('node:path');

const tools = createRequire(path.join(__dirname, 'tests', 'tools', 'package.json'));
const js = tools('@eslint/js');
const globals = tools('globals');

module.exports = [
  {
    // Vendored libraries and build output are not ours to lint.
    ignores: ['wwwroot/lib/**', '**/bin/**', '**/obj/**', '**/node_modules/**'],
  },
  {
    files: ['wwwroot/js/**/*.js'],
    ...js.configs.recommended,
  },
  {
    files: ['wwwroot/js/**/*.js'],
    languageOptions: {
      // Classic scripts (each an IIFE, loaded with defer) in the ES2020 the site's browsers all run.
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
      'no-undef': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-implicit-globals': 'error',
      'no-shadow': 'error',
      'object-shorthand': ['error', 'always'],
      'prefer-arrow-callback': 'error',
      strict: ['error', 'function'],
    },
  },
  {
    // This file: CommonJS, run by Node.
    files: ['eslint.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: js.configs.recommended.rules,
  },
  {
    // Chart.js's UMD build, which chart-loader.js loads before charts.js, defines the global Chart.
    files: ['wwwroot/js/charts.js'],
    languageOptions: { globals: { Chart: 'readonly' } },
  },
];
