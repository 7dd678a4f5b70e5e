/**
 * TensorFlow.js, loaded once: the native tfjs-node backend when it is installed (it is an
 * optional dependency: its install script downloads libtensorflow), else the WebAssembly
 * backend, which trains these small nets about 4x faster than the plain JavaScript one.
 */
import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

export type Tf = typeof tf;

let ready: Promise<Tf> | null = null;

export function loadTf(): Promise<Tf> {
  ready ??= initialise();
  return ready;
}

async function initialise(): Promise<Tf> {
  const require = createRequire(import.meta.url);
  try {
    // Left to Node at run time (the bundler would otherwise fail to resolve it when it is absent).
    const native = require(/* turbopackIgnore: true */ "@tensorflow/tfjs-node") as Tf;
    await native.ready();
    return native;
  } catch {
    // Not installed or its native library is missing: fall through to wasm.
  }
  setWasmPaths(wasmDirectory(require));
  if (!(await tf.setBackend("wasm"))) await tf.setBackend("cpu");
  await tf.ready();
  return tf;
}

function wasmDirectory(require: NodeJS.Require): string {
  const resolved: unknown = require.resolve("@tensorflow/tfjs-backend-wasm/package.json");
  // Inside Next.js's server bundle require.resolve answers a module id, not a path; the package
  // is external there (next.config.mjs), so it sits in node_modules under the app's directory.
  const packageJson = typeof resolved === "string" ? resolved : path.join(process.cwd(), "node_modules/@tensorflow/tfjs-backend-wasm/package.json");
  return path.join(path.dirname(packageJson), "dist") + path.sep;
}

/** The name of the backend in use, for reports. */
export async function readTfBackendName(): Promise<string> {
  return (await loadTf()).getBackend();
}
