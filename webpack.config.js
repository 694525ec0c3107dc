// @ts-check
/**
 * Web bundles of Roomserve. Each entry in ENTRIES becomes its own page in dist/<name>/ with an
 * index.html, content-hashed scripts and a shared vendor chunk. The Outlook taskpane is the second
 * entry (addin/taskpane/main.ts -> dist/web/taskpane.html + dist/web/taskpane/).
 *
 *   npm run build:web   production bundle (the default mode)
 *   npm run dev:web     development bundle, rebuilt on change (the Express app serves dist/web)
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const webpack = require('webpack');

/**
 * @typedef {{
 *   entry: string;
 *   title: string;
 *   noscript: string;
 *   outputDir?: string;
 *   htmlFilename?: string;
 *   plugins?: () => import('webpack').WebpackPluginInstance[];
 *   preload?: string[];
 *   shell?: string;
 *   themeCss?: () => string;
 *   inlineEntryScripts?: boolean;
 * }} PageEntry
 *
 * `preload` names async chunks (webpackChunkName) the page needs at once: the page preloads their
 * scripts next to its own, so they download in parallel instead of after the entry has run.
 *
 * `shell` is static HTML inside #root, painted before any script has run; React replaces it.
 *
 * `themeCss` is CSS for the page's <style>, e.g. a Fluent theme as CSS variables on :root.
 *
 * `inlineEntryScripts` writes the page's own scripts (runtime + entry) into its HTML (inlineScripts).
 */

/**
 * Fluent's light theme as CSS variables on :root, written into the taskpane's page by Fluent's own
 * createCSSRuleFromTheme: about 3.5 kB of gzipped CSS instead of the theme object in the first
 * JavaScript (the pane's FluentProvider gets an empty theme: addin/taskpane/PaneTheme.tsx).
 */
function fluentLightThemeCss() {
  // The two packages of @fluentui/react-components that hold these: requiring the whole of it here
  // would cost the build seconds.
  const { webLightTheme } = require('@fluentui/tokens');
  const { createCSSRuleFromTheme } = require('@fluentui/react-provider');
  return createCSSRuleFromTheme(':root', webLightTheme);
}

/**
 * office.js for the taskpane on localhost and in tests (no internet needed): office.js itself,
 * Outlook's host scripts and their string tables, copied from @microsoft/office-js. In production
 * the taskpane loads Microsoft's CDN copy instead (addin/office/loadOfficeJs.ts picks by host name).
 */
function officeJsCopy() {
  return new CopyWebpackPlugin({
    patterns: [
      {
        from: '{office,es6-promise,o15apptofilemappingtable,outlook-*,*/office_strings,*/outlook_strings}.js',
        context: path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist'),
        to: 'office-js/',
        // Microsoft's files are minified already; Terser would spend a minute on 8 MB for nothing.
        info: { minimized: true },
      },
    ],
  });
}

/**
 * The room display's build id: baked into its bundle and written to dist/web/display/version.json,
 * which the tablets poll and reload on when it names another build.
 */
const DISPLAY_BUILD_ID = process.env.DISPLAY_BUILD_ID ?? new Date().toISOString().replace(/[-:.TZ]/g, '');

/** @returns {import('webpack').WebpackPluginInstance[]} */
function displayBuildId() {
  return [
    new webpack.DefinePlugin({ __DISPLAY_BUILD_ID__: JSON.stringify(DISPLAY_BUILD_ID) }),
    {
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('DisplayVersion', (compilation) => {
          compilation.hooks.processAssets.tap(
            { name: 'DisplayVersion', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
            () => {
              const json = JSON.stringify({ build: DISPLAY_BUILD_ID });
              compilation.emitAsset('version.json', new webpack.sources.RawSource(json));
            },
          );
        });
      },
    },
  ];
}

/** @type {Record<string, PageEntry>} */
const ENTRIES = {
  web: { entry: './addin/web/main.tsx', title: 'Roomserve', noscript: 'Roomserve needs JavaScript.' },
  // The Outlook taskpane: dist/web/taskpane.html (served by the web app's static files at
  // /taskpane.html) with its scripts under /taskpane/.
  taskpane: {
    entry: './addin/taskpane/main.ts',
    title: 'Roomserve for Outlook',
    noscript: 'The Roomserve add-in needs JavaScript.',
    outputDir: 'web/taskpane',
    htmlFilename: '../taskpane.html',
    plugins: () => [officeJsCopy()],
    // main.ts starts the first API calls and Office.js, then mounts React and the pane from here.
    preload: ['pane'],
    themeCss: fluentLightThemeCss,
    // The first script (5 kB gzipped) runs as the HTML is parsed: the API calls start without
    // waiting for a request of its own, which shares the server with the preloaded chunks.
    inlineEntryScripts: true,
    // The browser paints this at once, before a byte of JavaScript has run (Office.js, React).
    shell:
      '<p role="status" style="margin:48px 16px;text-align:center;font:14px/20px \'Segoe UI\',system-ui,sans-serif;color:#424242">Loading…</p>',
  },
  // The room display tablets: dist/web/display/ (served at /display), a bundle of its own.
  display: {
    entry: './addin/display/main.tsx',
    title: 'Roomserve room display',
    noscript: 'The room display needs JavaScript.',
    outputDir: 'web/display',
    plugins: displayBuildId,
  },
};

/**
 * Adds <link rel="preload" as="script"> to the page for every script of the named chunk groups.
 * @param {string[]} chunkNames
 * @returns {import('webpack').WebpackPluginInstance}
 */
function preloadChunks(chunkNames) {
  return {
    apply(compiler) {
      compiler.hooks.compilation.tap('PreloadChunks', (compilation) => {
        HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadChunks', (data) => {
          const publicPath = compilation.getPath(compilation.outputOptions.publicPath ?? '');
          const files = chunkNames.flatMap((name) => {
            const group = compilation.namedChunkGroups.get(name);
            if (!group) throw new Error(`preload: no chunk named ${name}`);
            return group.getFiles().filter((file) => file.endsWith('.js'));
          });
          const links = files.map((file) =>
            HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: 'script', href: publicPath + file }),
          );
          data.headTags.push(...links);
          return data;
        });
      });
    },
  };
}

/**
 * Replaces the page's <script src> tags (the runtime and the entry) by inline scripts at the end of
 * <body>, in the same order, where #root exists when they run. The server allows them by their
 * hashes (server/http/middleware/inlineScripts.ts); the chunks they load stay files.
 * @returns {import('webpack').WebpackPluginInstance}
 */
function inlineScripts() {
  return {
    apply(compiler) {
      compiler.hooks.compilation.tap('InlineScripts', (compilation) => {
        HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('InlineScripts', (data) => {
          const publicPath = compilation.getPath(compilation.outputOptions.publicPath ?? '');
          /** @type {import('html-webpack-plugin').HtmlTagObject[]} */
          const inline = [];
          data.headTags = data.headTags.filter((tag) => {
            const src = tag.tagName === 'script' ? tag.attributes.src : undefined;
            if (typeof src !== 'string') return true;
            const source = compilation.getAsset(src.slice(publicPath.length))?.source.source().toString();
            if (source === undefined) throw new Error(`inlineScripts: no asset for ${src}`);
            // Either would end or change the <script> element in the HTML parser.
            if (/<\/script|<!--/i.test(source)) throw new Error(`inlineScripts: ${src} cannot be inlined`);
            inline.push(HtmlWebpackPlugin.createHtmlTagObject('script', {}, source));
            return false;
          });
          data.bodyTags.push(...inline);
          return data;
        });
      });
    },
  };
}

/**
 * @param {boolean} production
 */
function swcRule(production) {
  const swc = {
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
  };
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: [swc],
  };
}

/**
 * @param {string} name
 * @param {PageEntry} page
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
      path: path.resolve(__dirname, 'dist', page.outputDir ?? name),
      publicPath: `/${name === 'web' ? '' : `${name}/`}`,
      filename: production ? '[name].[contenthash:12].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:12].js' : '[name].js',
      // The web app's folder also holds the taskpane's and the display's pages (their own configs).
      clean: name === 'web' ? { keep: /^(taskpane|display)/ } : true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // TypeScript (node16) wants `.js` on dynamic imports; the file on disk is .ts/.tsx.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: { rules: [swcRule(production)] },
    // No eval() source maps in development: the server's CSP allows scripts from 'self' only.
    // Production builds keep their maps unreferenced (hidden) and the server never serves *.map.
    devtool: production ? 'hidden-source-map' : 'cheap-module-source-map',
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial', priority: 10 },
        },
      },
      runtimeChunk: 'single',
      // swc's minifier: within 1% of Terser's gzipped size, at about half the build's CPU time
      // (CI runs the build beside the linter on two cores).
      minimizer: [
        new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: { passes: 2 } } }),
      ],
    },
    // The budget: React 19 + react-router + Fluent UI + zod (for the shared contracts) come to about
    // 740 kB minified (about 220 kB gzipped) for the first page; warn when it grows past that.
    performance: {
      hints: production ? 'warning' : false,
      maxEntrypointSize: 800_000,
      maxAssetSize: 800_000,
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith('office-js/'),
    },
    plugins: [
      new HtmlWebpackPlugin({
        // One page shell for both front ends (addin/ui); title and noscript text are theirs.
        template: './addin/ui/index.html',
        title: page.title,
        noscript: page.noscript,
        scriptLoading: 'defer',
        filename: page.htmlFilename ?? 'index.html',
        shell: page.shell ?? '',
        themeCss: page.themeCss?.() ?? '',
      }),
      ...(page.plugins?.() ?? []),
      ...(page.preload ? [preloadChunks(page.preload)] : []),
      ...(page.inlineEntryScripts ? [inlineScripts()] : []),
    ],
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
