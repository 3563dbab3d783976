import { startSite } from './start-site';

// `npm run preview -w @gazette/site`: serve the built site until interrupted.
try {
  const site = await startSite({ env: process.env });
  console.log(`Site: ${site.url}`);
} catch (e) {
  console.error(`gazette site: ${(e as Error).message}`);
  process.exitCode = 1;
}
