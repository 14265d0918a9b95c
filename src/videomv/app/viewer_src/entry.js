// Entry of the web app's splat viewer bundle (static/splat-viewer.js); build command in static/README.md.
//
// Exposes window.VideoMVViewer.show(element, url, camera): one GaussianSplats3D viewer per element,
// replaced (and the old one disposed) on each call, so a new result never stacks on an old one.
import * as GaussianSplats3D from "@mkkellogg/gaussian-splats-3d";

const viewers = new WeakMap();

async function show(element, url, camera = {}) {
  const previous = viewers.get(element);
  if (previous) {
    viewers.delete(element);
    await previous.dispose().catch(() => {});
  }
  element.replaceChildren();
  const viewer = new GaussianSplats3D.Viewer({
    rootElement: element,
    // videomv's world is z-up; the app passes the first view's camera so the viewer opens on it.
    cameraUp: camera.up || [0, 0, 1],
    initialCameraPosition: camera.position || [2, 0, 0.5],
    initialCameraLookAt: [0, 0, 0],
    // A Gradio page is not cross-origin isolated, so SharedArrayBuffer is not available there.
    sharedMemoryForWorkers: false,
    // Generated objects are small: show them at once rather than fading them in.
    sceneRevealMode: GaussianSplats3D.SceneRevealMode.Instant,
    // Keep the last frame readable (screenshots, tests) and draw it with the page's pixel ratio.
    antialiased: false,
  });
  viewers.set(element, viewer);
  await viewer.addSplatScene(url, {
    format: GaussianSplats3D.SceneFormat.Ply,
    showLoadingUI: false,
    progressiveLoad: false,
    splatAlphaRemovalThreshold: 1,
  });
  viewer.start();
  element.dataset.loaded = url;
  return viewer;
}

window.VideoMVViewer = { show };
