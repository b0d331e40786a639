import { get_encoding, type Tiktoken } from 'tiktoken';

/** The tiktoken encodings this platform counts with. */
export type EncodingName = 'cl100k_base' | 'o200k_base';

// Building an encoder parses a 1-4 MB rank table: do it once per process, per encoding.
const encoders = new Map<EncodingName, Tiktoken>();

export function getEncoder(name: EncodingName): Tiktoken {
  let encoder = encoders.get(name);
  if (!encoder) {
    encoder = get_encoding(name);
    encoders.set(name, encoder);
  }
  return encoder;
}

/** The encoding a model uses: o200k_base for the gpt-4o / o-series / gpt-4.1+ families, else cl100k_base. */
export function encodingForModel(model: string): EncodingName {
  // A fine-tuned model (`ft:<base>:...`) counts like its base.
  const name = model.toLowerCase().replace(/^ft:/, '');
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss)/.test(name)) return 'o200k_base';
  return 'cl100k_base';
}
