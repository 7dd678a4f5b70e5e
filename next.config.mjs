/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: ["accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "payment", "serial", "usb"]
      .map((feature) => `${feature}=()`)
      .join(", "),
  },
];

// Pages get their Content-Security-Policy, with a per-request script nonce, and HSTS from proxy.ts;
// the API answers JSON and CSV, which may load nothing and be framed by no one.
const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }];

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
