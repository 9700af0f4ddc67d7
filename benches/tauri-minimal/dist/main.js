// Same marker as Guichet's page (ui/src/main.ts): two animation frames after
// the page is mounted, the first frame is on screen.
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    window.__TAURI_INTERNALS__.invoke("ui_ready").catch(() => {});
  }),
);
