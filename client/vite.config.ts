import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The server (npm run dev -w server) that `vite` forwards the API and demo routes to. */
const SERVER = process.env['UNPLUG_SERVER_URL'] ?? 'http://127.0.0.1:3978';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Budget (issue 6): at most 220 KB gzip of initial JS. Views are split with React.lazy.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/demo': SERVER,
    },
  },
});
