// The TypeScript benches' door to bench/peak-rss.mjs (one implementation for them and the plain-JS children).
export { peakRssKb } from './peak-rss.mjs';
