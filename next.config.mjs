import { apiHeaders, securityHeaders } from "./lib/http/securityHeaders.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm-loading packages run as plain Node modules instead of being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "pg-copy-streams",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-node",
    "@tensorflow/tfjs-backend-wasm",
    "bcryptjs",
    "node-cron",
    // Worker threads' scripts compile model code with tsx at run time (lib/ml/functionWorker.ts).
    "tsx",
  ],
  turbopack: {
    // Prisma's generated clients find their own folder from process.cwd() at run time; `next start`
    // serves from the project folder, so the whole-project trace this warns about is never deployed.
    ignoreIssue: [{ path: /lib\/db\/generated\//, title: /^Dynamic filesystem access causes tracing of the whole project$/ }],
  },
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiHeaders },
    ];
  },
};

export default nextConfig;
