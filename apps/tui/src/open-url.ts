import { spawn } from 'node:child_process';

/** Opens an http(s) URL in the user's browser ($BROWSER, else the platform opener); never throws. */
export function openUrl(url: string, onError: (message: string) => void = () => {}): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    onError(`Not a URL: ${url}`);
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    onError(`Only web addresses open in the browser, not ${parsed.protocol} ones.`);
    return;
  }
  const [command, ...args] = process.env['BROWSER']
    ? [process.env['BROWSER']]
    : process.platform === 'darwin'
      ? ['open']
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""']
        : ['xdg-open'];
  try {
    const child = spawn(command!, [...args, parsed.href], { detached: true, stdio: 'ignore' });
    child.on('error', () => onError(`Could not start ${command} to open the URL; it is ${parsed.href}`));
    child.unref();
  } catch {
    onError(`Could not open the URL; it is ${parsed.href}`);
  }
}
