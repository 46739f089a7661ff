// Floor for routes without I/O: bare node:http answering a small JSON document.
import http from 'node:http';

const port = Number(process.env.PORT);
const server = http.createServer((request, response) => {
  const body = JSON.stringify({ status: 'ok' });
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
