"use client";

/**
 * The first three principal components in a WebGL view the reader can turn (drag, or
 * Shift+arrow keys once it has focus), zoom (wheel) and pan (right-drag, or arrow keys).
 * three.js is loaded only here, through Projection3DLoader, so it stays out of every other
 * page's bundle and out of server rendering.
 */
import { useEffect, useRef, useState } from "react";
import * as THREE from "three";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";
import type { Projection3DSeries } from "./Projection3DLoader";

const HEIGHT = 420;

/** Centres the cloud on the origin and scales it into the unit cube, so the camera needs no tuning per run. */
function normalised(series: Projection3DSeries[]): { positions: Float32Array; colors: Float32Array } {
  const all = series.flatMap((segment) => segment.points);
  const centre = [0, 1, 2].map((axis) => all.reduce((sum, point) => sum + point[axis], 0) / Math.max(1, all.length));
  const radius = Math.max(1e-9, ...all.flatMap((point) => point.map((value, axis) => Math.abs(value - centre[axis]))));
  const positions = new Float32Array(all.length * 3);
  const colors = new Float32Array(all.length * 3);
  let i = 0;
  for (const segment of series) {
    const color = new THREE.Color(segment.hex);
    for (const point of segment.points) {
      point.forEach((value, axis) => (positions[i * 3 + axis] = (value - centre[axis]) / radius));
      colors.set([color.r, color.g, color.b], i * 3);
      i++;
    }
  }
  return { positions, colors };
}

export default function Projection3D({ series }: { series: Projection3DSeries[] }) {
  const mount = useRef<HTMLDivElement>(null);
  const resetView = useRef<() => void>(() => undefined);
  const [unsupported, setUnsupported] = useState(false);

  useEffect(() => {
    const element = mount.current;
    if (!element) return;
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ antialias: true });
    } catch {
      // Whether WebGL works is known only by trying to create the renderer, which needs the mounted element.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setUnsupported(true);
      return;
    }
    const width = element.clientWidth || 600;
    renderer.setPixelRatio(window.devicePixelRatio);
    renderer.setSize(width, HEIGHT);
    renderer.domElement.setAttribute("role", "img");
    renderer.domElement.setAttribute(
      "aria-label",
      "Customers on the first three principal components, coloured by segment; arrow keys move the view, Shift+arrow keys turn it",
    );
    // A Tab stop, so the view turns without a mouse; the controls take only the arrow keys, so Tab goes on past it.
    renderer.domElement.tabIndex = 0;
    // Drawn inside the canvas: the frame around it clips anything outside.
    renderer.domElement.style.outlineOffset = "-3px";
    element.appendChild(renderer.domElement);

    const scene = new THREE.Scene();
    scene.background = new THREE.Color("#ffffff");
    const { positions, colors } = normalised(series);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute("position", new THREE.BufferAttribute(positions, 3));
    geometry.setAttribute("color", new THREE.BufferAttribute(colors, 3));
    const material = new THREE.PointsMaterial({ size: 0.025, vertexColors: true, sizeAttenuation: true });
    scene.add(new THREE.Points(geometry, material));
    const axes = new THREE.AxesHelper(1.2);
    axes.setColors(new THREE.Color("#ef4444"), new THREE.Color("#22c55e"), new THREE.Color("#3b82f6"));
    scene.add(axes);

    const camera = new THREE.PerspectiveCamera(45, width / HEIGHT, 0.01, 100);
    camera.position.set(1.7, 1.2, 1.7);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.listenToKeyEvents(renderer.domElement);
    // Drawn on demand, not in a loop: an idle page should not keep a core busy.
    const render = () => renderer.render(scene, camera);
    controls.addEventListener("change", render);
    controls.saveState();
    resetView.current = () => {
      controls.reset();
      render();
    };
    const resize = new ResizeObserver(() => {
      const next = element.clientWidth || width;
      camera.aspect = next / HEIGHT;
      camera.updateProjectionMatrix();
      renderer.setSize(next, HEIGHT);
      render();
    });
    resize.observe(element);
    render();
    return () => {
      resize.disconnect();
      controls.removeEventListener("change", render);
      controls.dispose();
      geometry.dispose();
      material.dispose();
      axes.dispose();
      renderer.dispose();
      renderer.domElement.remove();
    };
  }, [series]);

  if (unsupported) {
    return (
      <p className="text-tremor-default text-tremor-content" data-testid="projection-3d-unsupported">
        This browser cannot draw 3-D graphics (WebGL is off); the 2-D view above shows the same customers.
      </p>
    );
  }
  return (
    <div>
      <div
        ref={mount}
        className="w-full overflow-hidden rounded-tremor-default border border-tremor-border"
        style={{ height: HEIGHT }}
        data-testid="projection-3d"
      />
      <div className="mt-2 flex items-center justify-between">
        <p className="text-tremor-label text-tremor-content">
          Drag to turn, scroll to zoom, right-drag to move; or Tab to the view, then arrow keys move it and Shift+arrow keys turn it. Red, green and blue axes:
          components 1, 2 and 3.
        </p>
        <button type="button" onClick={() => resetView.current()} className="text-tremor-default text-tremor-brand underline">
          Reset view
        </button>
      </div>
    </div>
  );
}
