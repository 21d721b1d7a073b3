export { OptionChecker } from './option-checker.js';
