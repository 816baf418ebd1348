import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { compressDist } from '../scripts/compress-dist.mjs';

/** After the build: brotli and gzip copies beside every asset, served by negotiation (server/src/http/static.ts). */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'highland:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : `${config.root}/${config.build.outDir}`;
    },
    async closeBundle() {
      const t = await compressDist(outDir);
      this.info?.(
        `precompressed ${t.files} files: ${(t.raw / 1024).toFixed(0)} kB → brotli ${(t.br / 1024).toFixed(0)} kB, gzip ${(t.gzip / 1024).toFixed(0)} kB`,
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  // Workspace packages are consumed as TypeScript source (their "source" export condition).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { port: 5173, proxy: { '/trpc': 'http://localhost:3000', '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
});
