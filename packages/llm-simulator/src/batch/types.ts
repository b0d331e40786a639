/** OpenAI's Batch object (the fields the simulator fills). */
export interface Batch {
  id: string;
  object: 'batch';
  endpoint: string;
  errors: { object: 'list'; data: BatchError[] } | null;
  input_file_id: string;
  completion_window: string;
  status: 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
}

export interface BatchError {
  code: string;
  message: string;
  param: string | null;
  line: number | null;
}

/** One parsed line of a batch input file. */
export interface BatchLine {
  custom_id: string;
  method: string;
  url: string;
  body: unknown;
}

/** What one batch line answered (the store writes it to the output or error file). */
export interface LineResult {
  statusCode: number;
  body: unknown;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
}

export const BATCH_ENDPOINTS = ['/v1/chat/completions', '/v1/embeddings'];
