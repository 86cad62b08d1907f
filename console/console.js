// Starts the console core on this page (the build rewrites MANIFEST with content-hashed names).
const MANIFEST = /*SW_MANIFEST*/ { core: 'support-console-core.mjs', wasm: 'support-console-core.wasm', font: '../fonts/noto-sans-latin.ttf' } /*SW_MANIFEST_END*/;
const here = new URL('.', import.meta.url);
const panel = document.getElementById('console');
const canvas = document.getElementById('console-canvas');
const { default: createCore } = await import(new URL(MANIFEST.core, here).href);
const core = await createCore({
  locateFile: (name) => (name.endsWith('.wasm') ? new URL(MANIFEST.wasm, here).href : name),
  swMount: { panel, canvas },
  swConfig: { title: 'Support console' },
  swFontUrl: new URL(MANIFEST.font, here).href,
  swHost: { requestClose() {} },
});
core.swSetOpen(true);
