import type { Server } from 'node:http';

/**
 * Stops a server as SIGTERM asks: no new connections; idle keep-alive connections closed now, busy ones as
 * soon as their request is answered; after `graceMs`, every connection still open (a slow client, a request
 * that did not finish) is closed. Resolves when the server has closed.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    // A connection becomes idle when its request is answered; close it then rather than wait out keep-alive.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
