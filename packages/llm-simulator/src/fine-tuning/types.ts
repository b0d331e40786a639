/** OpenAI's fine_tuning.job object (the fields the simulator fills). */
export interface FineTuneJob {
  id: string;
  object: 'fine_tuning.job';
  model: string;
  created_at: number;
  finished_at: number | null;
  fine_tuned_model: string | null;
  organization_id: string;
  result_files: string[];
  status: 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  validation_file: string | null;
  training_file: string;
  hyperparameters: { n_epochs: number; batch_size: number; learning_rate_multiplier: number };
  method: { type: 'supervised'; supervised: { hyperparameters: { n_epochs: number; batch_size: number; learning_rate_multiplier: number } } };
  trained_tokens: number | null;
  error: { code: string; message: string; param: string | null } | null;
  seed: number;
  estimated_finish: number | null;
  integrations: never[];
  metadata: Record<string, string> | null;
  user_provided_suffix: string | null;
}

export interface FineTuneEvent {
  object: 'fine_tuning.job.event';
  id: string;
  created_at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message';
  data: Record<string, never>;
}

/** A training pair a tuned model learned: the last user turn before an assistant turn. */
export interface TunedExample {
  question: string;
  answer: string;
  terms: ReadonlySet<string>;
}

/** Fine-tuning behaviour, set with POST /_sim/fine-tuning. */
export interface FineTuningKnobs {
  /** Time of each phase: validated after 1 step, running after 2, done after 5. Default 200 ms. */
  stepMs: number;
  /** Jobs created while set fail in training (status failed, an error event). Default false. */
  failTraining: boolean;
}
