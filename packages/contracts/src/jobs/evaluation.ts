// Job types of the evaluation family (graders, LLM-as-judge, reports, cache calibration).
export const evaluationJobs = {};
