/** This process's own peak RSS in KiB (VmHWM where Linux has /proc, else getrusage's maxRSS). */
export function peakRssKb(): number;
