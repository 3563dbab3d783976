import type { APIRoute } from 'astro';
import { worldMapFile } from '../lib/world-map/world-map';

// The country shapes every page's map refers to: drawn once per build, cached by the browser once.
export const GET: APIRoute = () =>
  new Response(worldMapFile(), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
