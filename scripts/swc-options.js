// One swc configuration for the build and for jest, so the code that is tested is compiled like the code that runs.
const path = require('path');
const tsconfig = require('../tsconfig.json');

const root = path.resolve(__dirname, '..');

function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  };
}

module.exports = { swcOptions, root };
