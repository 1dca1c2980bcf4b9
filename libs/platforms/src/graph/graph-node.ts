/** Shared by the Meta Graph family (Instagram, Threads): node URLs and insight bodies. */
export type GraphInsights = { data: Array<{ name: string; values?: Array<{ value: number }>; total_value?: { value: number } }> };

/** `https://…/v23.0/<id>/<edge>` with the id escaped. */
export function graphNode(apiUrl: string, id: string, edge = ''): string {
  return `${apiUrl}/${encodeURIComponent(id)}${edge ? `/${edge}` : ''}`;
}
