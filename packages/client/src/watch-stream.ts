// Reading a watch response: newline-delimited JSON events from a streaming HTTP body.

/** Yields one parsed value per non-empty line of the body, until the body ends. */
export async function* readJsonLines<T>(body: AsyncIterable<Uint8Array>): AsyncGenerator<T> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) yield JSON.parse(line) as T;
      nl = buffered.indexOf('\n');
    }
  }
  const rest = buffered.trim();
  if (rest) yield JSON.parse(rest) as T;
}
