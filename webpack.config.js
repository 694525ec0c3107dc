// @ts-check
/**
 * Web bundles of Roomserve. Each entry in ENTRIES becomes its own page in dist/<name>/ with an
 * index.html, content-hashed scripts and a shared vendor chunk. The Outlook taskpane joins as a
 * second entry later (addin/taskpane/main.tsx -> dist/taskpane).
 *
 *   npm run build:web   production bundle (the default mode)
 *   npm run dev:web     development bundle, rebuilt on change (the Express app serves dist/web)
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** @type {Record<string, { entry: string; template: string; title: string }>} */
const ENTRIES = {
  web: { entry: './addin/web/main.tsx', template: './addin/web/index.html', title: 'Roomserve' },
};

/** @param {boolean} production */
function swcRule(production) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic', development: !production, refresh: false } },
          target: 'es2022',
        },
        // Keep ES modules so webpack can tree-shake Fluent UI and the icons.
        module: { type: 'es6' },
        sourceMaps: true,
      },
    },
  };
}

/**
 * @param {string} name
 * @param {{ entry: string; template: string; title: string }} page
 * @param {boolean} production
 * @returns {import('webpack').Configuration}
 */
function pageConfig(name, page, production) {
  return {
    name,
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry: { [name]: page.entry },
    output: {
      path: path.resolve(__dirname, 'dist', name),
      publicPath: `/${name === 'web' ? '' : `${name}/`}`,
      filename: production ? '[name].[contenthash:12].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:12].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // TypeScript (node16) wants `.js` on dynamic imports; the file on disk is .ts/.tsx.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: { rules: [swcRule(production)] },
    // No eval() source maps in development: the server's CSP allows scripts from 'self' only.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial', priority: 10 },
        },
      },
      runtimeChunk: 'single',
    },
    // The budget: React 19 + react-router + Fluent UI + zod (for the shared contracts) come to about
    // 740 kB minified (about 220 kB gzipped) for the first page; warn when it grows past that.
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 800_000, maxAssetSize: 800_000 },
    plugins: [new HtmlWebpackPlugin({ template: page.template, title: page.title, scriptLoading: 'defer' })],
    stats: 'minimal',
  };
}

/**
 * @param {Record<string, unknown>} _env
 * @param {{ mode?: string }} argv
 */
module.exports = (_env, argv) => {
  const production = (argv.mode ?? 'production') === 'production';
  return Object.entries(ENTRIES).map(([name, page]) => pageConfig(name, page, production));
};
