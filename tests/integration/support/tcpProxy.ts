/**
 * A TCP proxy in front of the PostgreSQL server, so a test can take "the database" away from
 * the app (every connection cut, new ones refused) and bring it back, without stopping the
 * server other tests use.
 */
import net from "node:net";

export interface TcpProxy {
  port: number;
  /** The database URL with its host and port replaced by the proxy's. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A proxy in front of the server a PostgreSQL URL names. */
export async function startTcpProxy(databaseUrl: string): Promise<TcpProxy> {
  const direct = new URL(databaseUrl);
  const target = { host: direct.hostname, port: Number(direct.port || 5432) };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  // On restore the port may have been taken by another process meanwhile: that fails the test, not the run.
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const stop = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  };
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${port}`;
  return { port, url: url.toString(), cut: stop, restore: () => listen(port), close: stop };
}
