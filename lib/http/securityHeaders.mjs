/**
 * The fixed headers of our responses, in one place for the two servers that send them:
 * next.config.mjs gives them to Next.js, and lib/http/webServer.ts adds them to the score
 * server's answers. Plain JavaScript, because next.config.mjs is loaded by Node without a compiler.
 */
export const securityHeaders = [
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
export const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }];
