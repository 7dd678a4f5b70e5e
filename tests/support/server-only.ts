// Stand-in for the "server-only" guard when lib/ code runs outside Next.js.
export {};
