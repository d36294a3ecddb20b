/**
 * Public API of the apprenticeship knowledge: rule loading and chunking, pay grid and SMIC loading,
 * the pure pay calculator and schedule, and the age eligibility check.
 */
export { loadApprenticeshipRules, parseRuleFile, ruleToChunks, type RuleProblem } from "./rule-loader.js";
export { ApprenticeshipDataError, loadPayGrid, loadSmicHistory } from "./pay-data-loader.js";
export {
  computeApprenticePay,
  contractYearOn,
  payAgeOn,
  percentOf,
  smicOn,
  type ApprenticePay,
  type ExactPayInput,
  type PayInput,
  type SimplePayInput,
} from "./pay-calculator.js";
export {
  apprenticePaySchedule,
  type PayChangeReason,
  type PayPeriod,
  type PayScheduleInput,
} from "./pay-schedule.js";
export {
  ApprenticePayError,
  InvalidContractYear,
  InvalidPayInput,
  isApprenticePayError,
  NoSmicForDate,
  OutsideApprenticeAge,
} from "./pay-errors.js";
export {
  checkApprenticeEligibility,
  type Eligibility,
  type EligibilityCase,
  type EligibilityInput,
} from "./eligibility.js";
export type { ApprenticeshipRule, PayGrid, RuleTopic, SmicEntry, SmicHistory } from "./rule-schema.js";
