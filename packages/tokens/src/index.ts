export { encodingForModel, getEncoder, type EncodingName } from './encoding';
export { countTokens, countWithEncoding } from './count';
