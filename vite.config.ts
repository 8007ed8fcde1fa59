import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@mediapipe/pose': fileURLToPath(new URL('./src/pose/mediapipe-pose-stub.ts', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
