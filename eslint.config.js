// Lint: the boundaries between processes and layers (STYLE.md), checked on every `npm test`.
// TypeScript 7 is the native compiler with no JavaScript API, so typescript-eslint cannot parse for us; Babel's
// TypeScript parser reads the syntax (types are checked by `tsc`), and @babel/eslint-parser needs ESLint 9.
import babelParser from '@babel/eslint-parser';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path',
  'process', 'stream', 'url', 'util', 'worker_threads', 'zlib',
];

const noNode = [
  { regex: '^node:', message: 'This code runs outside Node: no Node modules.' },
  { group: NODE_BUILTINS, message: 'This code runs outside Node: no Node modules.' },
];
const noElectron = { group: ['electron'], message: 'Only the Electron shell (electron/main.ts, preload.ts, shell/) imports electron.' };
const noRenderer = { regex: '(^|/)renderer/', message: 'Only the renderer imports the renderer.' };
const noCore = { regex: '(^|/)electron/(core|cli|shell)(/|$)|(^|\\.\\./)(core|cli|shell)/|/(main|preload)$', message: 'The renderer reaches the main process only through window.confide.' };

const restrict = (...patterns) => ['error', { patterns: patterns.flat() }];

export default [
  { ignores: ['node_modules/', 'dist/', 'native/', 'release/', '.cache/', 'test-results/', 'playwright-report/'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    languageOptions: {
      parser: babelParser,
      parserOptions: {
        requireConfigFile: false,
        babelOptions: { babelrc: false, configFile: false, presets: [['@babel/preset-typescript', { isTSX: true, allExtensions: true }]] },
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'no-debugger': 'error', 'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(noNode, noElectron, noRenderer, { regex: '(^|/)electron/', message: 'shared/ imports neither the main process nor the renderer.' }),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noRenderer, {
        regex: '^(\\.\\./)+(shell|cli)/|^(\\.\\./)+(main|preload)$',
        message: 'The core never imports the Electron shell or the CLI: they import the core.',
      }),
    },
  },
  {
    files: ['electron/core/vault/**'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noRenderer, {
        // errors.ts (the error type every layer throws) and types.ts (plain types) sit below every layer.
        regex: '^(\\.\\./)+(services|handlers|session|core)(/|$)',
        message: 'Layers point down: the vault layer imports nothing above it.',
        allowTypeImports: true,
      }),
    },
  },
  {
    files: ['electron/core/attendance/**'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noRenderer, {
        regex: '^(\\.\\./)+(shell|cli)/|^(\\.\\./)+(main|preload)$',
        message: 'The core never imports the Electron shell or the CLI: they import the core.',
      }, {
        // The attendance summary is made from dates and counts: of the services it may use only the caseload
        // rules (which name no note table), the service context and the disclosure log; of the vault, the settings.
        regex: '^\\.\\./(services/(?!(caseload|context|disclosure-log)$)|vault/(?!settings$)|(handlers|session|core|audited-call)$)',
        message: 'The attendance summary cannot reach notes or other free text: it imports only the caseload rules, the disclosure log, the settings and the documents.',
      }),
    },
  },
  {
    files: ['electron/cli/**'],
    rules: { 'no-restricted-imports': restrict(noElectron, noRenderer) },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrict(noNode, noElectron, noCore),
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The renderer has one clock, the core’s: ask it (clock.now) or use performance.now() for durations.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The renderer has one clock, the core’s: ask it (clock.now).',
        },
      ],
    },
  },
];
