// PERSON detection lives in this folder. Today it re-exports the context-cue detector; the folder
// is where a fuller name detector (lexicons, NLP tagging, context cues) grows.
export { detectPersons } from '../context';
