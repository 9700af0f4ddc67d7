import { mount } from "svelte";
import "./styles/app.css";
import App from "./App.svelte";
import { call } from "./lib/ipc";

const app = mount(App, { target: document.getElementById("app")! });

// Tell the Rust side once the first frame is on screen (start-up measurement).
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    document.body.dataset.pret = "oui";
    call<void>("ui_ready").catch(() => {});
  }),
);

export default app;
