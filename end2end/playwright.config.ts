import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot run on these machines.
const chromium = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};
const port = Number(process.env.SG_E2E_PORT ?? 3100);
const phone = { width: 390, height: 844 };

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: phone,
    hasTouch: true,
    isMobile: true,
    launchOptions: chromium,
  },
  projects: [
    // The hydrated specs need the wasm, the nojs specs use demo data once without it; the rest run
    // in both projects.
    { name: 'js-off', use: { javaScriptEnabled: false }, testIgnore: /hydrated\.spec\.ts/ },
    { name: 'js-on', use: { javaScriptEnabled: true }, testIgnore: /nojs\.spec\.ts/ },
  ],
  webServer: {
    command: `bash ./start-server.sh ${port}`,
    url: `http://127.0.0.1:${port}/favicon.svg`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
