export interface ApiProbe {
  reachable: boolean;
  status: string | null;
  latencyMs: number | null;
  error: string | null;
}

/** Asks the platform's health endpoint over HTTP, as the real node's monitoring would. */
export async function probeApi(apiBaseUrl: string, timeoutMs = 2000): Promise<ApiProbe> {
  const started = performance.now();
  try {
    const response = await fetch(`${apiBaseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { status?: string };
    return {
      reachable: true,
      status: body.status ?? null,
      latencyMs: Math.round(performance.now() - started),
      error: null,
    };
  } catch (error) {
    return {
      reachable: false,
      status: null,
      latencyMs: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
